// Generated from dev.reservewatch.model.Input and dev.reservewatch.contract.Runoff by ConsoleFieldsTest:
// do not edit; change the catalogue and run ./mvnw test -Dtest=ConsoleFieldsTest -Dconsole.fields.write=true
// The snapshot's figures as the Judge form groups them: the contract's names, units and hints. The runoff's
// fields are named as in the series CSV: runoffActive, runoffTreasuryCapBn, runoffMbsCapBn, runoffPurchasesActive.

export const GROUPS = [
  {
    title: 'Reserves',
    fields: [
      ['reserveBalancesBn', '$bn', 'Reserve balances with the Fed (H.4.1, WRESBAL)'],
      ['fedTotalAssetsBn', '$bn', "The Fed's total assets (WALCL)"],
      ['treasuryHoldingsBn', '$bn', 'Treasuries held outright (SOMA)'],
      ['mbsHoldingsBn', '$bn', 'Mortgage-backed securities held outright (SOMA)'],
      ['treasuryGeneralAccountBn', '$bn', "The Treasury's cash at the Fed, which drains reserves as it grows"],
      ['bankTotalAssetsBn', '$bn', "Total assets of all commercial banks (H.8): the base of reserves' share"],
      ['largeBankExcessReserveRatioPct', '%', "Large banks' excess reserves against their assets"],
      ['smallBankExcessReserveRatioPct', '%', "Smaller banks' excess reserves against their assets"],
      ['nominalGdpBn', '$bn', 'Nominal GDP, annualised'],
    ],
  },
  {
    title: 'ON RRP',
    fields: [
      ['onRrpBalanceBn', '$bn', 'Overnight reverse repo facility balance (RRPONTSYD)'],
      ['onRrpPeakBn', '$bn', 'Its reference peak; absent: the highest balance in the history'],
    ],
  },
  {
    title: 'Rates against IORB and the range',
    fields: [
      ['iorbPct', '%', 'Interest on reserve balances'],
      ['effrPct', '%', 'Effective federal funds rate'],
      ['sofrPct', '%', 'Secured overnight financing rate'],
      ['repoRateHighPct', '%', "The day's highest overnight repo rate"],
      ['targetRangeLowPct', '%', 'Bottom of the FOMC target range'],
      ['targetRangeHighPct', '%', 'Top of the FOMC target range'],
    ],
  },
  {
    title: 'Repo market breadth',
    fields: [
      ['sofr1Pct', '%', "SOFR's 1st volume percentile: 1% of the day's SOFR volume traded at or below it (SOFR1)"],
      ['sofr25Pct', '%', "SOFR's 25th volume percentile (SOFR25); SOFR itself is the median"],
      ['sofr75Pct', '%', "SOFR's 75th volume percentile (SOFR75)"],
      ['sofr99Pct', '%', "SOFR's 99th volume percentile: the day's dearest 1% of repo traded above it (SOFR99)"],
      ['tgcrPct', '%', 'Tri-party general collateral rate (TGCRRATE): tri-party repo alone'],
      ['sofrVolumeBn', '$bn', 'Volume of the trades behind SOFR that day (SOFRVOL)'],
    ],
  },
  {
    title: 'Facilities',
    fields: [
      ['srfTakeupBn', '$bn', 'Standing repo facility take-up (the highest day of the week)'],
    ],
  },
  {
    title: 'Inflation',
    fields: [
      ['cpiYoYPct', '%', 'CPI, change over a year'],
      ['corePcePct', '%', 'Core PCE, change over a year'],
    ],
  },
];

/** The runoff in force, as the series CSV names its columns; the snapshot nests them under "runoff". */
export const RUNOFF = [
  ['runoffActive', 'active', 'boolean', 'Is the runoff (QT) under way? Unknown leaves the runoff out'],
  ['runoffTreasuryCapBn', 'treasuryCapBn', '$bn', 'Monthly cap on Treasury runoff'],
  ['runoffMbsCapBn', 'mbsCapBn', '$bn', 'Monthly cap on MBS runoff'],
  ['runoffPurchasesActive', 'purchasesActive', 'boolean', 'Are net asset purchases (QE) under way?'],
];
