package dev.pagewalk.engine;

import dev.pagewalk.http.HttpRequest;

/** A request ready to send, with its redacted form for messages, logs and reports. */
record BuiltRequest(HttpRequest http, String display, boolean pagination) {}
