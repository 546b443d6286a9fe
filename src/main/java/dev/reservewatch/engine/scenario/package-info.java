/** Named episodes with the verdict the rules must give, and the sample snapshot every new ruleset is tried on. */
package dev.reservewatch.engine.scenario;
