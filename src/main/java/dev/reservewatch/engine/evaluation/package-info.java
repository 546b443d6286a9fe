/** A snapshot or a series judged with a ruleset on a pooled session, and the failures of a rule while it runs. */
package dev.reservewatch.engine.evaluation;
