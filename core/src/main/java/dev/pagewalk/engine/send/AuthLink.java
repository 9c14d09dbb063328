package dev.pagewalk.engine.send;

/**
 * The slot for authentication: the link that puts a call's credentials on it and, when the server
 * refuses them (a {@code 401}), may refresh them and send the same call once more through the links
 * below — the paging state is that of the call, so nothing about the walk moves. It sits below
 * retry and read-ahead, so a read-ahead is authorised like any request, and above redirects, the
 * network guard and the limits, which check what it sends.
 *
 * <p>{@link #NONE} sends the call as built: the spec's own headers and query values are its
 * credentials.
 */
public interface AuthLink extends Link {
  /** No authentication of its own: the call goes down unchanged. */
  AuthLink NONE = chain -> chain.proceed(chain.call());
}
