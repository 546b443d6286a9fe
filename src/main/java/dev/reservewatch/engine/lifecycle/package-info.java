/** The active ruleset: compiled early at boot, checked before it serves, replaced only by a version that passes, the rules folder watched for edits. */
package dev.reservewatch.engine.lifecycle;
