package dev.pagewalk.engine;

import dev.pagewalk.http.HttpResponse;
import java.util.Map;

/** A response with its body decoded and its Link header parsed. */
record Decoded(
    HttpResponse http, Object body, Map<String, Object> headers, Map<String, Object> links) {}
