/** A compiled ruleset and what is read off it: its files, rules, triggers, pooled sessions and version. */
package dev.reservewatch.engine.ruleset;
