/** Drafts from rule authors: bounded, laid over the active files, compiled apart and in turns, never activated. */
package dev.reservewatch.engine.draft;
