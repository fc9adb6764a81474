import Testing
@testable import Validation

/// The observations format, read strictly: every mistake is reported with its line and an
/// exact message, all at once.
@Suite struct ObservationFileTests {
    @Test func readsAValidFile() throws {
        let file = try parse(validHeader + """
            # known_gap: the model is too fast
            # known_gap: (second line)
            # held_back: true
            # note: 1 ng/mL = 3.5 nM
            # note: second note
            observable,statistic,time_h,end_h,value,sd,n,lower,upper
            # a comment inside the table
            morphine_plasma_nM,at,1,,20,4,12,15,25

            mu_pet_occupancy,max,0,24,0.5,,,0.4,0.6
            withdrawal_index,half_life,24,48,12.5,1.5,8,10,15\r
            """)
        #expect(file.title == "A test study")
        #expect(file.drugs == ["morphine"])
        #expect(file.evidence == .plasmaPK)
        #expect(file.knownGap == "the model is too fast (second line)")
        #expect(file.heldBack)
        #expect(file.notes == ["1 ng/mL = 3.5 nM", "second note"])
        #expect(file.observations.count == 3)
        let first = file.observations[0]
        #expect(first == Observation(line: 15, observable: "morphine_plasma_nM", statistic: .at, timeHours: 1, endHours: nil,
                                     value: 20, standardDeviation: 4, subjects: 12, lower: 15, upper: 25))
        #expect(file.observations[1].statisticLabel == "max@0-24h")
        #expect(file.observations[2].statistic == .halfLife)
        #expect(file.observations[2].upper == 15)
    }

    @Test func byteOrderMarkAndCRLFAreAccepted() throws {
        let text = "\u{FEFF}" + (validHeader + ObservationFile.columnHeader + "\nmu_pet_occupancy,at,1,,0.5,,,0.4,0.6\n")
            .replacingOccurrences(of: "\n", with: "\r\n")
        let file = try parse(text)
        #expect(file.title == "A test study" && file.observations.count == 1 && file.observations[0].line == 9)
    }

    @Test func headerMistakes() {
        let text = """
            # title: A test study
            # titel: typo
            # citation: Nobody 2026
            # evidence: pet_ocupancy
            # drug: morphine, morfine
            # held_back: yes
            # title: again
            just text
            observable,statistic,time_h,end_h,value,sd,n,lower,upper
            morphine_plasma_nM,at,1,,20,,,15,25
            """
        #expect(issues(text) == [
            "2: unknown header key 'titel'; did you mean 'title'?",
            "4: unknown evidence 'pet_ocupancy'; did you mean 'pet_occupancy'?",
            "5: unknown drug 'morfine'; did you mean 'morphine'?",
            "6: held_back must be 'true' or 'false', found 'yes'",
            "7: header key 'title' given twice (first on line 1)",
            "8: the table must start with the header line 'observable,statistic,time_h,end_h,value,sd,n,lower,upper', found 'just text'",
            "8: missing header key 'obtained' (required: title, citation, obtained, population, drug, evidence, acceptance)",
            "8: missing header key 'population' (required: title, citation, obtained, population, drug, evidence, acceptance)",
            "8: missing header key 'acceptance' (required: title, citation, obtained, population, drug, evidence, acceptance)",
        ])
    }

    @Test func wrongColumnHeaderAndMissingTable() {
        #expect(issues(validHeader + "observable,statistic,time_h,value,sd,n,lower,upper\n") == [
            "8: the table must start with the header line 'observable,statistic,time_h,end_h,value,sd,n,lower,upper', "
                + "found 'observable,statistic,time_h,value,sd,n,lower,upper'",
        ])
        #expect(issues(validHeader) == [
            "8: no table: expected the header line 'observable,statistic,time_h,end_h,value,sd,n,lower,upper' after the '# key: value' lines",
        ])
        #expect(issues(validHeader + ObservationFile.columnHeader + "\n# only a comment\n") == ["8: the table has no rows"])
    }

    @Test func rowMistakes() {
        let text = validHeader + ObservationFile.columnHeader + "\n" + """
            morphine_plasma_nm,at,1,,20,,,15,25
            mu_pet_occupancy,maximum,0,24,0.5,,,0.4,0.6
            mu_pet_occupancy,at,1,,abc,,,0.4,0.6
            mu_pet_occupancy,max,2,,0.5,,,0.4,0.6
            mu_pet_occupancy,at,2,3,0.5,,,0.4,0.6
            mu_pet_occupancy,at,2,,0.5,,,0.6,0.4
            mu_pet_occupancy,mean,5,4,0.5,-1,0,0.4,0.6
            mu_pet_occupancy,at,120,,0.5,,,0.4,0.6
            mu_pet_occupancy,at,1,,0.5,,,0.4
            mu_pet_occupancy,at,-1,,0.5,,,,0.6
            withdrawal_index,auc,0,101,1,,,nan,2
            """
        #expect(issues(text) == [
            "9: observable: unknown column 'morphine_plasma_nm' for this scenario; did you mean 'morphine_plasma_nM'?",
            "10: statistic: unknown statistic 'maximum'; did you mean 'max'?",
            "11: value: not a finite number: 'abc'",
            "12: end_h: statistic 'max' needs the end of its window",
            "13: end_h: must be empty for statistic 'at', found '3'",
            "14: lower 0.6 is above upper 0.4",
            "15: n: must be a whole number >= 1, found '0'",
            "15: end_h: must be after time_h (5), found 4",
            "15: sd: must be >= 0, found -1",
            "16: time_h: 120 h is after the end of the scenario's run (100 h)",
            "17: expected 9 fields (observable,statistic,time_h,end_h,value,sd,n,lower,upper), found 8",
            "18: lower: a number is required",
            "18: time_h: must be >= 0, found -1",
            "19: lower: not a finite number: 'nan'",
            "19: end_h: 101 h is after the end of the scenario's run (100 h)",
        ])
    }

    @Test func unknownStatisticWithNothingNearListsTheValidOnes() {
        let text = validHeader + ObservationFile.columnHeader + "\nmu_pet_occupancy,quantile,0,24,0.5,,,0.4,0.6\n"
        #expect(issues(text) == [
            "9: statistic: unknown statistic 'quantile' (one of: at, max, min, time_of_max, time_of_min, mean, auc, half_life)",
        ])
    }

    @Test func errorsRenderWithFileAndLine() {
        let error = ValidationError.invalidStudy([ValidationIssue(file: "x.csv", line: 3, message: "lower 2 is above upper 1")])
        #expect(error.description == "x.csv:3: error: lower 2 is above upper 1")
    }
}
