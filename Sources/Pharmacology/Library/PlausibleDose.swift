/// The largest dose of a drug by one route that its label or common practice uses: above it a
/// scenario gets a warning (an error with `--strict`), so a µg/mg slip (fentanyl 100 mg) is
/// caught before it is simulated. Not a toxicity limit: tolerant subjects and research doses may
/// go higher, which is why it only warns.
public struct PlausibleDose: Sendable, Equatable {
    public var drug: String
    public var route: Route
    /// Largest single administration, mg (nil: no sourced range for this route).
    public var maximumSingleMilligrams: Double?
    /// Largest infusion rate, mg/h (`iv_infusion` only; nil: no sourced range).
    public var maximumRateMilligramsPerHour: Double?
    /// The label or reference the bound comes from, or why there is none.
    public var source: String

    public init(drug: String, route: Route, maximumSingleMilligrams: Double? = nil,
                maximumRateMilligramsPerHour: Double? = nil, source: String) {
        self.drug = drug
        self.route = route
        self.maximumSingleMilligrams = maximumSingleMilligrams
        self.maximumRateMilligramsPerHour = maximumRateMilligramsPerHour
        self.source = source
    }
}

/// The plausible-dose table of the built-in drugs, one row per (drug, route) that can be dosed.
///
/// Tags as in the library: [R] read in a stored source, [M] recalled from the product label or
/// guideline named and not re-read for this table (check before relying on a bound), and
/// "unsourced" where no label or common range exists (investigational or non-medical products):
/// those rows give no bound and produce no warning. Bounds are set at the top of the labelled or
/// commonly used range for opioid-tolerant adults, 70 kg where a label doses per kg.
public enum PlausibleDoseTable {
    public static let builtIn: [PlausibleDose] = [
        PlausibleDose(drug: "morphine", route: .oral, maximumSingleMilligrams: 200,
                      source: "[M] MS IR label: 15-30 mg every 4 h opioid-naive; tolerant patients titrated to 200 mg"),
        PlausibleDose(drug: "morphine", route: .intramuscular, maximumSingleMilligrams: 30,
                      source: "[M] morphine sulfate injection label: 10 mg (5-20 mg) every 4 h; 30 mg for tolerant patients"),
        PlausibleDose(drug: "morphine", route: .subcutaneous, maximumSingleMilligrams: 30,
                      source: "[M] morphine sulfate injection label (SC as IM): 10 mg (5-20 mg) every 4 h; 30 mg for tolerant patients"),
        PlausibleDose(drug: "morphine", route: .oralExtendedRelease, maximumSingleMilligrams: 200,
                      source: "[M] MS Contin label: tablets 15-200 mg every 12 h (100 and 200 mg for opioid-tolerant patients only)"),
        PlausibleDose(drug: "oxycodone", route: .oralExtendedRelease, maximumSingleMilligrams: 80,
                      source: "[M] OxyContin label: tablets 10-80 mg every 12 h (single doses above 40 mg for opioid-tolerant patients only)"),
        PlausibleDose(drug: "fentanyl", route: .transdermal, maximumRateMilligramsPerHour: 0.1,
                      source: "[M] Duragesic label: systems of 12, 25, 37.5, 50, 62.5, 75, 87.5 and 100 µg/h; 100 µg/h the largest single system"),
        PlausibleDose(drug: "buprenorphine", route: .transdermal, maximumRateMilligramsPerHour: 0.02,
                      source: "[R] Butrans label: do not exceed one 20 µg/h system (QTc prolongation)"),
        PlausibleDose(drug: "buprenorphine", route: .subcutaneousExtendedReleaseMonthly, maximumSingleMilligrams: 300,
                      source: "[R] Sublocade label: 300 mg monthly for two months, then 100 mg (300 mg maintenance allowed)"),
        PlausibleDose(drug: "buprenorphine", route: .subcutaneousExtendedReleaseWeekly, maximumSingleMilligrams: 32,
                      source: "[M] Brixadi label: weekly doses 8, 16, 24 and 32 mg"),
        PlausibleDose(drug: "naltrexone", route: .intramuscularExtendedRelease, maximumSingleMilligrams: 380,
                      source: "[R] Vivitrol label: 380 mg every 4 weeks or once a month"),
        PlausibleDose(drug: "esketamine", route: .intranasal, maximumSingleMilligrams: 84,
                      source: "[M] Spravato label: 56 or 84 mg per session (two or three 28-mg devices)"),
        PlausibleDose(drug: "esketamine", route: .ivBolus, source: "unsourced: no intravenous esketamine product in the US; research doses vary"),
        PlausibleDose(drug: "esketamine", route: .ivInfusion, source: "unsourced: no intravenous esketamine product in the US; research doses vary"),
        PlausibleDose(drug: "carfentanil", route: .ivBolus, source: "unsourced: no human product (veterinary and illicit only)"),
        PlausibleDose(drug: "carfentanil", route: .intranasal, source: "unsourced: no human product (veterinary and illicit only)"),
        PlausibleDose(drug: "hydrocodone", route: .oral, maximumSingleMilligrams: 20,
                      source: "[M] hydrocodone/acetaminophen labels: 2.5-10 mg tablets, 1-2 every 4-6 h (extended-release products go higher, once or twice daily)"),
        PlausibleDose(drug: "tapentadol", route: .oral, maximumSingleMilligrams: 250,
                      source: "[M] Nucynta label: 50-100 mg every 4-6 h; Nucynta ER up to 250 mg every 12 h"),
        PlausibleDose(drug: "tapentadol", route: .ivBolus, source: "unsourced: no intravenous tapentadol product"),
        PlausibleDose(drug: "tapentadol", route: .ivInfusion, source: "unsourced: no intravenous tapentadol product"),
        PlausibleDose(drug: "naloxone", route: .sublingual, maximumSingleMilligrams: 6,
                      source: "[M] buprenorphine/naloxone label: 4:1 tablets and films, at most 24 mg/6 mg a day"),
        PlausibleDose(drug: "morphine", route: .ivBolus, maximumSingleMilligrams: 30,
                      source: "[M] morphine sulfate injection label: 0.1-0.2 mg/kg every 4 h; 30 mg for tolerant patients"),
        PlausibleDose(drug: "morphine", route: .ivInfusion, maximumRateMilligramsPerHour: 50,
                      source: "[M] palliative continuous infusions rarely above 50 mg/h (tolerant patients)"),
        PlausibleDose(drug: "m6g", route: .ivBolus, source: "unsourced: not a marketed product (research doses only)"),
        PlausibleDose(drug: "m6g", route: .ivInfusion, source: "unsourced: not a marketed product (research doses only)"),
        PlausibleDose(drug: "oxycodone", route: .oral, maximumSingleMilligrams: 160,
                      source: "[M] OxyContin label: 160 mg, the largest tablet, for opioid-tolerant patients only"),
        PlausibleDose(drug: "oxycodone", route: .ivBolus, maximumSingleMilligrams: 20,
                      source: "[M] oxycodone injection (UK SmPC): 1-10 mg; 20 mg for tolerant patients"),
        PlausibleDose(drug: "oxycodone", route: .ivInfusion, maximumRateMilligramsPerHour: 20,
                      source: "[R] Villesen et al. 2007: 0.05 mg/kg over 15 min (14 mg/h at 70 kg, validation/villesen-2007); [M] UK SmPC: 2 mg/h starting rate, titrated"),
        PlausibleDose(drug: "fentanyl", route: .ivBolus, maximumSingleMilligrams: 3.5,
                      source: "[M] fentanyl citrate injection label: 0.05-0.1 mg analgesia; up to 50 µg/kg (3.5 mg at 70 kg) as the sole anaesthetic in cardiac surgery"),
        PlausibleDose(drug: "fentanyl", route: .ivInfusion, maximumRateMilligramsPerHour: 0.7,
                      source: "[M] ICU sedation-analgesia 0.7-10 µg/kg/h in guidelines: 0.7 mg/h at 70 kg"),
        PlausibleDose(drug: "fentanyl", route: .intranasal, maximumSingleMilligrams: 0.8,
                      source: "[M] Lazanda label: 100-800 µg per dose"),
        PlausibleDose(drug: "methadone", route: .oral, maximumSingleMilligrams: 200,
                      source: "[M] opioid-treatment maintenance 60-120 mg/day; some patients above 200 mg"),
        PlausibleDose(drug: "methadone", route: .ivBolus, maximumSingleMilligrams: 20,
                      source: "[M] methadone injection label: 2.5-10 mg every 8-12 h; 20 mg for tolerant patients"),
        PlausibleDose(drug: "methadone", route: .ivInfusion, source: "unsourced: no labelled infusion rate"),
        PlausibleDose(drug: "buprenorphine", route: .sublingual, maximumSingleMilligrams: 32,
                      source: "[M] Subutex label: maintenance up to 24 mg/day; 32 mg/day in some induction protocols"),
        PlausibleDose(drug: "buprenorphine", route: .ivBolus, maximumSingleMilligrams: 8,
                      source: "[M] Buprenex label: 0.3-0.6 mg analgesia; people who inject buprenorphine take tablet doses of 2-8 mg IV (validation/acnp-index-naloxone-in-buprenorphine-injectors models 2 mg)"),
        PlausibleDose(drug: "buprenorphine", route: .ivInfusion, source: "unsourced: no labelled infusion rate"),
        PlausibleDose(drug: "naloxone", route: .ivBolus, maximumSingleMilligrams: 10,
                      source: "[M] naloxone injection label: 0.4-2 mg repeated to a total of 10 mg"),
        PlausibleDose(drug: "naloxone", route: .intramuscular, maximumSingleMilligrams: 10,
                      source: "[M] naloxone injection label (as IV): total 10 mg; Zimhi 5 mg per injection"),
        PlausibleDose(drug: "naloxone", route: .intranasal, maximumSingleMilligrams: 8,
                      source: "[M] Kloxxado label: 8 mg per spray (Narcan nasal 4 mg)"),
        PlausibleDose(drug: "naloxone", route: .ivInfusion, maximumRateMilligramsPerHour: 4,
                      source: "[M] infusion at two-thirds of the reversing bolus per hour (0.4-4 mg/h in toxicology references)"),
        PlausibleDose(drug: "naltrexone", route: .oral, maximumSingleMilligrams: 150,
                      source: "[M] naltrexone label: 50 mg/day, or 100-150 mg on some days of a three-times-weekly schedule"),
        PlausibleDose(drug: "naltrexone", route: .ivBolus, source: "unsourced: no intravenous product (research doses only)"),
        PlausibleDose(drug: "nalmefene", route: .oral, maximumSingleMilligrams: 20,
                      source: "[M] Selincro SmPC: 18 mg base (20 mg hydrochloride dihydrate) once daily as needed; validation/kyhl-2016 doses 20 mg"),
        PlausibleDose(drug: "nalmefene", route: .intranasal, maximumSingleMilligrams: 3,
                      source: "[M] Zurnai/Opvee nasal label: 2.7 mg per spray"),
        PlausibleDose(drug: "nalmefene", route: .intramuscular, maximumSingleMilligrams: 2,
                      source: "[M] nalmefene injection label: 0.5-1 mg, to a total of 1.5-2 mg"),
        PlausibleDose(drug: "nalmefene", route: .ivBolus, maximumSingleMilligrams: 2,
                      source: "[M] nalmefene injection label: 0.5-1 mg, to a total of 1.5-2 mg"),
        PlausibleDose(drug: "mitragynine", route: .oral, source: "unsourced: kratom is not a medicine; alkaloid content of products varies widely"),
        PlausibleDose(drug: "ketamine", route: .ivBolus, maximumSingleMilligrams: 315,
                      source: "[M] Ketalar label: induction 1-4.5 mg/kg IV (315 mg at 70 kg)"),
        PlausibleDose(drug: "ketamine", route: .ivInfusion, maximumRateMilligramsPerHour: 140,
                      source: "[M] anaesthesia maintenance infusions 0.5-2 mg/kg/h (140 mg/h at 70 kg); the depression protocol 0.5 mg/kg over 40 min is 0.75 mg/kg/h (Zarate et al. 2006)"),
        PlausibleDose(drug: "ketamine", route: .intramuscular, maximumSingleMilligrams: 910,
                      source: "[M] Ketalar label: induction 6.5-13 mg/kg IM (910 mg at 70 kg)"),
        PlausibleDose(drug: "ketamine", route: .intranasal, maximumSingleMilligrams: 84,
                      source: "[M] Spravato (esketamine) label: 56 or 84 mg per session"),
        PlausibleDose(drug: "ketamine", route: .oral, source: "unsourced: no oral product; off-label oral doses vary"),
        PlausibleDose(drug: "ketamine", route: .sublingual, source: "unsourced: no sublingual product; off-label doses vary"),
        PlausibleDose(drug: "nalfurafine", route: .oral, maximumSingleMilligrams: 0.005,
                      source: "[M] Remitch (Japan) label: 2.5 µg once daily, up to 5 µg"),
        PlausibleDose(drug: "aticaprant", route: .oral, source: "unsourced: investigational (no label); trials used about 10 mg/day"),
        PlausibleDose(drug: "oxytocin", route: .intranasal, maximumSingleMilligrams: 0.08,
                      source: "[M] research intranasal doses 24-40 IU (about 0.04-0.08 mg at 1.68 µg/IU)"),
        PlausibleDose(drug: "oxytocin", route: .ivBolus, maximumSingleMilligrams: 0.017,
                      source: "[M] postpartum IV bolus 5-10 IU (0.017 mg at 1.68 µg/IU)"),
        PlausibleDose(drug: "oxytocin", route: .ivInfusion, maximumRateMilligramsPerHour: 0.07,
                      source: "[M] Pitocin label: labour infusions up to 20 mU/min, postpartum up to about 40 IU/h (0.07 mg/h)"),
        PlausibleDose(drug: "heroin", route: .ivBolus, maximumSingleMilligrams: 400,
                      source: "[M] heroin-assisted treatment (Swiss, German and NAOMI programmes): at most 400 mg diacetylmorphine per injection, 1000 mg/day"),
        PlausibleDose(drug: "heroin", route: .intramuscular, maximumSingleMilligrams: 400,
                      source: "[M] heroin-assisted treatment allows intramuscular injection within the same 400 mg per dose; UK diamorphine injection for pain 5-10 mg"),
        PlausibleDose(drug: "heroin", route: .intranasal, maximumSingleMilligrams: 400,
                      source: "[M] no intranasal adult product; research doses 6-12 mg (Cone et al. 1993); the injection bound of heroin-assisted treatment (400 mg) as the ceiling for illicit use"),
        PlausibleDose(drug: "heroin", route: .ivInfusion, maximumRateMilligramsPerHour: 25,
                      source: "[M] UK palliative diamorphine infusions: morphine's 50 mg/h divided by diamorphine's parenteral potency ratio of about 2 (conversion tables)"),
        PlausibleDose(drug: "snc80", route: .ivBolus, source: "unsourced: tool compound, never given to humans"),
        PlausibleDose(drug: "snc80", route: .ivInfusion, source: "unsourced: tool compound, never given to humans"),
        PlausibleDose(drug: "snc80", route: .intramuscular, source: "unsourced: tool compound, never given to humans"),
        PlausibleDose(drug: "naltrindole", route: .ivBolus, source: "unsourced: tool compound, never given to humans"),
        PlausibleDose(drug: "naltrindole", route: .intramuscular, source: "unsourced: tool compound, never given to humans"),
        PlausibleDose(drug: "hydromorphone", route: .oral, maximumSingleMilligrams: 32,
                      source: "[R] 32 mg extended-release tablets (openFDA NDC 0574-0297); [M] the largest strength, once daily for opioid-tolerant patients only; immediate release 2-8 mg every 4-6 h"),
        PlausibleDose(drug: "hydromorphone", route: .intranasal, maximumSingleMilligrams: 2,
                      source: "[M] no intranasal product; research doses 1 and 2 mg (Coda et al. 2003, the library's bioavailability)"),
        PlausibleDose(drug: "hydromorphone", route: .ivBolus, maximumSingleMilligrams: 10,
                      source: "[R] Dilaudid injection label: 0.2-1 mg slow IV every 2-3 h (empr.com); [M] Dilaudid-HP (10 mg/mL) for opioid-tolerant patients: 10 mg"),
        PlausibleDose(drug: "hydromorphone", route: .ivInfusion, maximumRateMilligramsPerHour: 10,
                      source: "[M] morphine's palliative 50 mg/h divided by hydromorphone's parenteral potency ratio of about 5 (conversion tables)"),
        PlausibleDose(drug: "oxymorphone", route: .oral, maximumSingleMilligrams: 40,
                      source: "[M] Opana ER label: 5-40 mg every 12 h; 40 mg, the largest tablet, for opioid-tolerant patients (Opana IR 5-20 mg every 4-6 h)"),
        PlausibleDose(drug: "oxymorphone", route: .ivBolus, maximumSingleMilligrams: 5,
                      source: "[M] Opana injection label: 0.5 mg IV initially (1-1.5 mg IM or SC every 4-6 h); 5 mg for tolerant patients"),
        PlausibleDose(drug: "oxymorphone", route: .ivInfusion, maximumRateMilligramsPerHour: 5,
                      source: "[M] morphine's palliative 50 mg/h divided by oxymorphone's parenteral potency ratio of about 10 (conversion tables)"),
        PlausibleDose(drug: "loperamide", route: .oral, maximumSingleMilligrams: 16,
                      source: "[R] loperamide prescribing references (Davis's Drug Guide; label summaries): 4 mg, then 2 mg per loose stool, at most 16 mg/day; a product leaflet allows the chronic daily maintenance dose as a single dose"),
        PlausibleDose(drug: "methylnaltrexone", route: .intramuscular, maximumSingleMilligrams: 12,
                      source: "[M] Relistor label: 12 mg subcutaneously once daily (0.15 mg/kg in advanced illness, 12 mg at 62-114 kg); the library gives SC through im"),
        PlausibleDose(drug: "methylnaltrexone", route: .ivBolus, maximumSingleMilligrams: 32,
                      source: "[M] no intravenous product; volunteer studies up to 0.45 mg/kg IV (Yuan et al., 32 mg at 70 kg), postoperative ileus trials 12-24 mg IV"),
        PlausibleDose(drug: "methylnaltrexone", route: .ivInfusion, source: "unsourced: no intravenous product or labelled infusion rate"),
        PlausibleDose(drug: "methocinnamox", route: .ivBolus, source: "unsourced: tool compound, never given to humans"),
        PlausibleDose(drug: "methocinnamox", route: .intramuscular, source: "unsourced: tool compound, never given to humans"),
        PlausibleDose(drug: "nalbuphine", route: .intramuscular, maximumSingleMilligrams: 20,
                      source: "[M] Nubain label: 10 mg/70 kg every 3-6 h; at most 20 mg per dose, 160 mg/day"),
        PlausibleDose(drug: "nalbuphine", route: .ivBolus, maximumSingleMilligrams: 20,
                      source: "[M] Nubain label (IV as IM): 10 mg/70 kg every 3-6 h; at most 20 mg per dose, 160 mg/day"),
        PlausibleDose(drug: "nalbuphine", route: .ivInfusion, source: "unsourced: no labelled infusion rate"),
        PlausibleDose(drug: "butorphanol", route: .intranasal, maximumSingleMilligrams: 2,
                      source: "[M] Stadol NS label: 1 mg (one spray); 2 mg (one spray in each nostril) for severe pain"),
        PlausibleDose(drug: "butorphanol", route: .intramuscular, maximumSingleMilligrams: 4,
                      source: "[M] butorphanol injection label: 2 mg IM every 3-4 h (1-4 mg); single doses above 4 mg not studied"),
        PlausibleDose(drug: "butorphanol", route: .ivBolus, maximumSingleMilligrams: 2,
                      source: "[M] butorphanol injection label: 1 mg IV every 3-4 h (0.5-2 mg)"),
        PlausibleDose(drug: "butorphanol", route: .ivInfusion, source: "unsourced: no labelled infusion rate"),
        PlausibleDose(drug: "codeine", route: .oral, maximumSingleMilligrams: 60,
                      source: "[M] codeine sulfate tablets label: 15-60 mg every 4 h, at most 360 mg/day"),
        PlausibleDose(drug: "tramadol", route: .oral, maximumSingleMilligrams: 300,
                      source: "[M] tramadol ER label: 100-300 mg once daily, 300 mg the largest tablet (immediate release 50-100 mg every 4-6 h, at most 400 mg/day)"),
        PlausibleDose(drug: "tramadol", route: .ivBolus, maximumSingleMilligrams: 100,
                      source: "[M] tramadol injection (EU SmPC): 50-100 mg every 4-6 h, at most 400 mg/day"),
        PlausibleDose(drug: "tramadol", route: .ivInfusion, source: "unsourced: no labelled infusion rate"),
        PlausibleDose(drug: "dextromethorphan", route: .oral, maximumSingleMilligrams: 60,
                      source: "[M] OTC cough labels: 10-20 mg every 4 h or 30 mg every 6-8 h, at most 120 mg/day; extended-release suspension 60 mg every 12 h (recreational doses of 300 mg and more are far above)"),
    ]

    /// The row for (drug, route) in `table`, if any.
    public static func entry(drug: String, route: Route, in table: [PlausibleDose] = builtIn) -> PlausibleDose? {
        table.first { $0.drug == drug && $0.route == route }
    }
}
