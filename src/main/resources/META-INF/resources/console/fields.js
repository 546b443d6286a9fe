// Generated from dev.reservewatch.model.Input and dev.reservewatch.contract.Runoff by ConsoleFieldsTest:
// do not edit; change the catalogue and run ./mvnw test -Dtest=ConsoleFieldsTest -Dconsole.fields.write=true
// The snapshot's figures as the Judge form groups them: the contract's names, units, hints and bounds (the form
// refuses a value outside them as the service would). The runoff's fields are named as in the series CSV:
// runoffActive, runoffTreasuryCapBn, runoffMbsCapBn, runoffPurchasesActive.

export const GROUPS = [
  {
    title: 'Reserves',
    fields: [
      ['reserveBalancesBn', '$bn', 'Reserve balances with the Fed (H.4.1, WRESBAL)', 0, 20000],
      ['fedTotalAssetsBn', '$bn', "The Fed's total assets (WALCL)", 1, 50000],
      ['treasuryHoldingsBn', '$bn', 'Treasuries held outright (SOMA)', 0, 50000],
      ['mbsHoldingsBn', '$bn', 'Mortgage-backed securities held outright (SOMA)', 0, 50000],
      ['treasuryGeneralAccountBn', '$bn', "The Treasury's cash at the Fed, which drains reserves as it grows", 0, 20000],
      ['bankTotalAssetsBn', '$bn', "Total assets of all commercial banks (H.8): the base of reserves' share", 1, 200000],
      ['largeBankExcessReserveRatioPct', '%', "Large banks' excess reserves against their assets", 0, 100],
      ['smallBankExcessReserveRatioPct', '%', "Smaller banks' excess reserves against their assets", 0, 100],
      ['nominalGdpBn', '$bn', 'Nominal GDP, annualised', 1, 200000],
    ],
  },
  {
    title: 'ON RRP',
    fields: [
      ['onRrpBalanceBn', '$bn', 'Overnight reverse repo facility balance (RRPONTSYD)', 0, 20000],
      ['onRrpPeakBn', '$bn', 'Its reference peak; absent: the highest balance in the history', 0, 20000],
    ],
  },
  {
    title: 'Rates against IORB and the range',
    fields: [
      ['iorbPct', '%', 'Interest on reserve balances', -10, 100],
      ['effrPct', '%', 'Effective federal funds rate', -10, 100],
      ['sofrPct', '%', 'Secured overnight financing rate', -10, 100],
      ['repoRateHighPct', '%', "The day's highest overnight repo rate", -10, 100],
      ['targetRangeLowPct', '%', 'Bottom of the FOMC target range', -10, 100],
      ['targetRangeHighPct', '%', 'Top of the FOMC target range', -10, 100],
    ],
  },
  {
    title: 'Facilities',
    fields: [
      ['srfTakeupBn', '$bn', 'Standing repo facility take-up (the highest day of the week)', 0, 5000],
    ],
  },
  {
    title: 'Inflation',
    fields: [
      ['cpiYoYPct', '%', 'CPI, change over a year', -50, 100],
      ['corePcePct', '%', 'Core PCE, change over a year', -50, 100],
    ],
  },
];

/** The runoff in force, as the series CSV names its columns; the snapshot nests them under "runoff". */
export const RUNOFF = [
  ['runoffActive', 'active', 'boolean', 'Is the runoff (QT) under way? Unknown leaves the runoff out'],
  ['runoffTreasuryCapBn', 'treasuryCapBn', '$bn', 'Monthly cap on Treasury runoff', 0, 1000],
  ['runoffMbsCapBn', 'mbsCapBn', '$bn', 'Monthly cap on MBS runoff', 0, 1000],
  ['runoffPurchasesActive', 'purchasesActive', 'boolean', 'Are net asset purchases (QE) under way?'],
];
