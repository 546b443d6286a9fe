package dev.reservewatch.contract;

/** What a reload did: activated a new version, found the active one unchanged, or rejected the edit. */
public record ReloadOutcome(ReloadStatus status, String activeVersion, ReloadRejection rejection) {

}
