/** Alerts: which events a new week or a fetch raises, their text, and their delivery to webhooks, each once. */
package dev.reservewatch.watch.alert;
