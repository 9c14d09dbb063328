package dev.pagewalk.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * A ServerSocket on 127.0.0.1 that answers each connection with a script, for servers that
 * misbehave in ways a real HTTP server will not: dribbling, truncating, resetting, silent.
 */
final class RawServer implements AutoCloseable {
  /** What to do with one accepted connection once its request head has been read. */
  interface Script {
    void run(Socket socket) throws IOException, InterruptedException;
  }

  private final ServerSocket socket;
  private final Thread acceptor;

  RawServer(Script script) {
    try {
      socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    acceptor =
        new Thread(
            () -> {
              while (!socket.isClosed()) {
                try {
                  Socket s = socket.accept();
                  Thread t = new Thread(() -> serve(s, script), "raw-server-conn");
                  t.setDaemon(true);
                  t.start();
                } catch (IOException e) {
                  return;
                }
              }
            },
            "raw-server");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  private static void serve(Socket s, Script script) {
    try (s) {
      readHead(s.getInputStream());
      script.run(s);
    } catch (IOException | InterruptedException e) {
      // the client went away; that is what these tests provoke
    }
  }

  private static void readHead(InputStream in) throws IOException {
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    int b;
    while ((b = in.read()) != -1) {
      head.write(b);
      if (head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
        return;
      }
    }
  }

  static void write(Socket s, String text) throws IOException {
    s.getOutputStream().write(text.getBytes(StandardCharsets.ISO_8859_1));
    s.getOutputStream().flush();
  }

  /** Blocks until the client closes the connection. */
  static void awaitClientClose(Socket s) throws IOException {
    InputStream in = s.getInputStream();
    while (in.read() != -1) {
      // discard
    }
  }

  URI uri(String path) {
    return URI.create("http://127.0.0.1:" + socket.getLocalPort() + path);
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }
}
