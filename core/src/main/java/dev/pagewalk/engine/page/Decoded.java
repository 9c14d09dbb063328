package dev.pagewalk.engine.page;

import dev.pagewalk.http.HttpResponse;
import java.util.Map;

/** A response with its body decoded and its Link header parsed. */
public record Decoded(
    HttpResponse http, Object body, Map<String, Object> headers, Map<String, Object> links) {}
