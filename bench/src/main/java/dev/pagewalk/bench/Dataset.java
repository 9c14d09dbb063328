package dev.pagewalk.bench;

/**
 * A deterministic dataset: record {@code i} is a function of (seed, i) only, so any page can be
 * generated on the fly and nothing is held in memory. Each record is about 300 bytes of JSON:
 *
 * <pre>{@code
 * {"id":"cus_0000000042","seq":42,"name":"Grace Hopper","email":"grace.hopper42@example.com",
 *  "status":"active","amount":1234.56,"currency":"EUR","created_at":"2024-03-05T12:34:56Z",
 *  "address":{"street":"123 Market Street","city":"Lisbon","country":"PT","zip":"12345"},
 *  "tags":["alpha","beta"],"score":87,"verified":true}
 * }</pre>
 */
final class Dataset {
  private static final String[] FIRST = {
    "Ada",
    "Grace",
    "Alan",
    "Edsger",
    "Barbara",
    "Donald",
    "Margaret",
    "Ken",
    "Frances",
    "Niklaus",
    "Radia",
    "Tony",
    "Hedy",
    "Dennis",
    "Sophie",
    "Linus"
  };
  private static final String[] LAST = {
    "Lovelace",
    "Hopper",
    "Turing",
    "Dijkstra",
    "Liskov",
    "Knuth",
    "Hamilton",
    "Thompson",
    "Allen",
    "Wirth",
    "Perlman",
    "Hoare",
    "Lamarr",
    "Ritchie",
    "Wilson",
    "Torvalds"
  };
  private static final String[] STATUS = {
    "active", "active", "active", "pending", "suspended", "closed"
  };
  private static final String[] CURRENCY = {"EUR", "USD", "GBP", "CHF"};
  private static final String[] STREET = {
    "Market Street", "Rua Augusta", "Hauptstrasse", "Main Road", "Elm Avenue", "Quai Voltaire"
  };
  private static final String[] CITY = {
    "Lisbon", "Berlin", "Paris", "London", "Zurich", "Porto", "Vienna", "Oslo"
  };
  private static final String[] COUNTRY = {"PT", "DE", "FR", "GB", "CH", "PT", "AT", "NO"};
  private static final String[] TAG = {
    "alpha", "beta", "gamma", "delta", "vip", "trial", "b2b", "retail"
  };

  private static final byte[][] FIRST_B = bytes(FIRST);
  private static final byte[][] LAST_B = bytes(LAST);
  private static final byte[][] FIRST_LOWER = lower(FIRST);
  private static final byte[][] LAST_LOWER = lower(LAST);
  private static final byte[][] STATUS_B = bytes(STATUS);
  private static final byte[][] CURRENCY_B = bytes(CURRENCY);
  private static final byte[][] STREET_B = bytes(STREET);
  private static final byte[][] CITY_B = bytes(CITY);
  private static final byte[][] COUNTRY_B = bytes(COUNTRY);
  private static final byte[][] TAG_B = bytes(TAG);

  private static final byte[] K_ID = ByteBuf.utf8("{\"id\":\"cus_");
  private static final byte[] K_SEQ = ByteBuf.utf8("\",\"seq\":");
  private static final byte[] K_NAME = ByteBuf.utf8(",\"name\":\"");
  private static final byte[] K_EMAIL = ByteBuf.utf8("\",\"email\":\"");
  private static final byte[] K_EMAIL_END = ByteBuf.utf8("@example.com\",\"status\":\"");
  private static final byte[] K_AMOUNT = ByteBuf.utf8("\",\"amount\":");
  private static final byte[] K_CURRENCY = ByteBuf.utf8(",\"currency\":\"");
  private static final byte[] K_CREATED = ByteBuf.utf8("\",\"created_at\":\"");
  private static final byte[] K_STREET = ByteBuf.utf8("Z\",\"address\":{\"street\":\"");
  private static final byte[] K_CITY = ByteBuf.utf8("\",\"city\":\"");
  private static final byte[] K_COUNTRY = ByteBuf.utf8("\",\"country\":\"");
  private static final byte[] K_ZIP = ByteBuf.utf8("\",\"zip\":\"");
  private static final byte[] K_TAGS = ByteBuf.utf8("\"},\"tags\":[\"");
  private static final byte[] K_TAG_SEP = ByteBuf.utf8("\",\"");
  private static final byte[] K_SCORE = ByteBuf.utf8("\"],\"score\":");
  private static final byte[] K_VERIFIED = ByteBuf.utf8(",\"verified\":");
  private static final byte[] TRUE_END = ByteBuf.utf8("true}");
  private static final byte[] FALSE_END = ByteBuf.utf8("false}");

  private final long seed;

  Dataset(long seed) {
    this.seed = seed;
  }

  /** Appends record {@code i} (0-based) as one JSON object. */
  void write(long i, ByteBuf out) {
    long h = mix(seed + i * 0x9E3779B97F4A7C15L);
    long g = mix(h ^ 0xD1B54A32D192ED03L);
    int first = (int) (h & 15);
    int last = (int) ((h >>> 4) & 15);
    int place = (int) ((h >>> 8) & 7);
    out.put(K_ID).padded(i, 10).put(K_SEQ).number(i);
    out.put(K_NAME).put(FIRST_B[first]).put((byte) ' ').put(LAST_B[last]);
    out.put(K_EMAIL).put(FIRST_LOWER[first]).put((byte) '.').put(LAST_LOWER[last]).number(i);
    out.put(K_EMAIL_END).put(STATUS_B[(int) ((h >>> 12) % STATUS.length)]);
    long cents = (g & 0xFFFFF) + 100;
    out.put(K_AMOUNT).number(cents / 100).put((byte) '.').padded(cents % 100, 2);
    out.put(K_CURRENCY).put(CURRENCY_B[(int) ((h >>> 16) & 3)]);
    out.put(K_CREATED)
        .number(2015 + ((g >>> 20) % 10))
        .put((byte) '-')
        .padded(1 + ((g >>> 24) % 12), 2)
        .put((byte) '-')
        .padded(1 + ((g >>> 28) % 28), 2)
        .put((byte) 'T')
        .padded((g >>> 33) % 24, 2)
        .put((byte) ':')
        .padded((g >>> 38) % 60, 2)
        .put((byte) ':')
        .padded((g >>> 44) % 60, 2);
    out.put(K_STREET)
        .number(1 + ((h >>> 20) % 999))
        .put((byte) ' ')
        .put(STREET_B[(int) ((h >>> 30) % STREET.length)]);
    out.put(K_CITY).put(CITY_B[place]).put(K_COUNTRY).put(COUNTRY_B[place]);
    out.put(K_ZIP).padded((h >>> 34) % 100000, 5);
    out.put(K_TAGS)
        .put(TAG_B[(int) ((h >>> 51) & 7)])
        .put(K_TAG_SEP)
        .put(TAG_B[(int) ((h >>> 54) & 7)]);
    out.put(K_SCORE).number((g >>> 50) % 101);
    out.put(K_VERIFIED).put(((g >>> 60) & 1) == 0 ? TRUE_END : FALSE_END);
  }

  /** SplitMix64's finaliser. */
  private static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  private static byte[][] bytes(String[] values) {
    byte[][] out = new byte[values.length][];
    for (int i = 0; i < values.length; i++) {
      out[i] = ByteBuf.utf8(values[i]);
    }
    return out;
  }

  private static byte[][] lower(String[] values) {
    byte[][] out = new byte[values.length][];
    for (int i = 0; i < values.length; i++) {
      out[i] = ByteBuf.utf8(values[i].toLowerCase(java.util.Locale.ROOT));
    }
    return out;
  }
}
