/**
 * Reading a spec file: safe YAML composition (no tags, capped aliases and nesting, no duplicate
 * keys), validation against the published JSON Schema, and the source locations (line, column, JSON
 * pointer) every {@link dev.pagewalk.Diagnostic} carries. Produces a {@code SpecDocument} for the
 * plan compiler. Not exported.
 *
 * <p>Depends on: the API ({@code Diagnostic}, {@code SpecException}) only.
 */
package dev.pagewalk.spec;
