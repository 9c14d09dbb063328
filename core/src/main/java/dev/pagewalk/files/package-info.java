/**
 * File-system helpers shared by the file sinks and the file checkpoint store: plain-words messages
 * for failed file operations. Not exported.
 *
 * <p>Depends on: nothing in pagewalk.
 */
package dev.pagewalk.files;
