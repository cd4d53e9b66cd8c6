//! The checks of check-ins held, on import: limits, someone there, each person, item and
//! section once.

#[allow(unused_imports)]
use super::*;

pub(super) fn check(a: &Alliance) -> Result<(), ImportError> {
    too_many("alliance.checkIns", a.check_ins.len(), MAX_ITEMS)?;
    for (i, c) in a.check_ins.iter().enumerate() {
        let at = |list: &str| format!("alliance.checkIns[{i}].{list}");
        let lists: [(&str, &str, usize, usize, Vec<&str>); 5] = [
            (
                "present",
                "partyId",
                c.present.len(),
                MAX_PARTIES,
                c.present.iter().map(|p| p.party_id.as_str()).collect(),
            ),
            (
                "commitments",
                "commitmentId",
                c.commitments.len(),
                MAX_ITEMS,
                c.commitments
                    .iter()
                    .map(|x| x.commitment_id.as_str())
                    .collect(),
            ),
            (
                "measures",
                "measureId",
                c.measures.len(),
                MAX_ITEMS,
                c.measures.iter().map(|x| x.measure_id.as_str()).collect(),
            ),
            (
                "milestones",
                "milestoneId",
                c.milestones.len(),
                MAX_ITEMS,
                c.milestones
                    .iter()
                    .map(|x| x.milestone_id.as_str())
                    .collect(),
            ),
            (
                "sections",
                "section",
                c.sections.len(),
                SectionId::ALL.len(),
                c.sections.iter().map(|s| s.section.key()).collect(),
            ),
        ];
        for (list, _, n, limit, _) in &lists {
            too_many(&at(list), *n, *limit)?;
        }
        if c.present.is_empty() {
            return invalid(at("present"), words::present_empty());
        }
        // Each person, item and section once: the first repeat is the one reported.
        for (list, field, _, _, ids) in &lists {
            if let Some(j) = (1..ids.len()).find(|&j| ids[..j].contains(&ids[j])) {
                let why = if *list == "present" {
                    words::present_twice()
                } else {
                    words::spoken_twice()
                };
                return invalid(format!("{}[{j}].{field}", at(list)), why);
            }
        }
    }
    Ok(())
}
