//! The checks of check-ins held, on import: limits, someone there, each person, item and
//! section once.

#[allow(unused_imports)]
use super::*;

pub(super) fn check(a: &Alliance) -> Result<(), ImportError> {
    let too_many = |path: &str, n: usize, limit: usize| {
        if n > limit {
            Err(err(
                ImportErrorKind::TooManyItems {
                    path: path.to_string(),
                },
                msg::too_many_items(path, n, limit),
            ))
        } else {
            Ok(())
        }
    };
    let invalid = |path: String, why: &str| {
        Err(err(
            ImportErrorKind::InvalidField { path: path.clone() },
            msg::invalid_field(&path, why),
        ))
    };
    too_many("alliance.checkIns", a.check_ins.len(), MAX_ITEMS)?;
    for (i, c) in a.check_ins.iter().enumerate() {
        let at = |list: &str| format!("alliance.checkIns[{i}].{list}");
        too_many(&at("present"), c.present.len(), MAX_PARTIES)?;
        too_many(&at("commitments"), c.commitments.len(), MAX_ITEMS)?;
        too_many(&at("measures"), c.measures.len(), MAX_ITEMS)?;
        too_many(&at("milestones"), c.milestones.len(), MAX_ITEMS)?;
        too_many(&at("sections"), c.sections.len(), SectionId::ALL.len())?;
        if c.present.is_empty() {
            return invalid(at("present"), words::present_empty());
        }
        // Each person, item and section once: the first repeat is the one reported.
        let twice = |ids: Vec<String>, list: &str, field: &str, why: &str| match (1..ids.len())
            .find(|&j| ids[..j].contains(&ids[j]))
        {
            Some(j) => invalid(format!("{}[{j}].{field}", at(list)), why),
            None => Ok(()),
        };
        let ids = |v: Vec<&Id>| v.into_iter().map(|x| x.as_str().to_string()).collect();
        twice(
            ids(c.present.iter().map(|p| &p.party_id).collect()),
            "present",
            "partyId",
            words::present_twice(),
        )?;
        twice(
            ids(c.commitments.iter().map(|x| &x.commitment_id).collect()),
            "commitments",
            "commitmentId",
            words::spoken_twice(),
        )?;
        twice(
            ids(c.measures.iter().map(|x| &x.measure_id).collect()),
            "measures",
            "measureId",
            words::spoken_twice(),
        )?;
        twice(
            ids(c.milestones.iter().map(|x| &x.milestone_id).collect()),
            "milestones",
            "milestoneId",
            words::spoken_twice(),
        )?;
        twice(
            c.sections
                .iter()
                .map(|s| s.section.key().to_string())
                .collect(),
            "sections",
            "section",
            words::spoken_twice(),
        )?;
    }
    Ok(())
}
