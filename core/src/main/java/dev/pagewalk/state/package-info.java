/**
 * Checkpoints (API): a {@link dev.pagewalk.state.Checkpoint} holds everything a run needs to resume
 * (next request, paging variables, counters, watermark) and the {@link
 * dev.pagewalk.state.SyncIdentity} of the sync that saved it; a {@link
 * dev.pagewalk.state.CheckpointStore} keeps them, one per sync, locked with a {@link
 * dev.pagewalk.state.StateLock}; {@link dev.pagewalk.state.FileCheckpointStore} keeps them in
 * files. A {@link dev.pagewalk.state.TokenStore} keeps a connection's OAuth2 tokens between runs;
 * {@link dev.pagewalk.state.FileTokenStore} keeps them in owner-only files beside the checkpoints.
 *
 * <p>Depends on: the API ({@code dev.pagewalk}); internally on {@code files} and {@code json} (the
 * canonical value text of record keys). Nothing here knows the engine.
 */
package dev.pagewalk.state;
