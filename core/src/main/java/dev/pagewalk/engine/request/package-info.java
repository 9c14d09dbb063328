/**
 * Building the request of a page from the plan's templates and the run's values:
 *
 * <pre>
 * RunState            the values expressions see: inputs, temp, pagination, the response read
 *   │
 * RequestBuilder.build(request, pagination) ──▶ BuiltRequest (request, redacted display,
 *   ├── PagingVars      the {@code pagination} variable      credential header and query names)
 *   ├── QueryOverride   qs overrides a next URL's own query
 *   ├── CrossOrigin     credentials never follow a next page to another origin
 *   └── Redactor        secrets masked in everything printed
 * SecretPlaceholders    a checkpointed request holds placeholders, never a credential
 * </pre>
 *
 * <p>Depends on: {@code plan}, {@code expr}, {@code http}, and the API. Never on {@code engine},
 * {@code engine.start} or {@code engine.page}.
 */
package dev.pagewalk.engine.request;
