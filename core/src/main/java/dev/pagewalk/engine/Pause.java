package dev.pagewalk.engine;

import dev.pagewalk.WaitReason;

/** A pause the run takes: its text for {@code RunListener.onWait} and the reason it counts as. */
enum Pause {
  SERVER_QUOTA("rate limit (server quota)", WaitReason.RATE_LIMIT),
  RATE_LIMIT("rate limit", WaitReason.RATE_LIMIT),
  RETRY("retry", WaitReason.RETRY),
  PAGINATION_DELAY("pagination delay", WaitReason.DELAY),
  REPEAT_DELAY("repeat delay", WaitReason.DELAY);

  final String text;
  final WaitReason reason;

  Pause(String text, WaitReason reason) {
    this.text = text;
    this.reason = reason;
  }
}
