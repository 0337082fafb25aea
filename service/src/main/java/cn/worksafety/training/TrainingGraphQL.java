package cn.worksafety.training;

import java.time.LocalDate;
import java.util.List;

import jakarta.inject.Inject;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;
import org.eclipse.microprofile.graphql.Source;

import cn.worksafety.common.PageRequest;
import cn.worksafety.organisation.Person;
import cn.worksafety.organisation.PersonRole;
import cn.worksafety.organisation.Region;
import cn.worksafety.security.Allowed;
import cn.worksafety.security.Role;

@GraphQLApi
public class TrainingGraphQL {

    @Inject
    TrainingService service;

    @Query
    @Allowed
    @Description("Training rules that apply in the caller's region (everywhere, its region and those above it) "
            + "or are set inside it, oldest first. At most 500 (more: BAD_USER_INPUT, page with trainingRulesConnection).")
    public @NonNull List<@NonNull TrainingRule> trainingRules(PersonRole role) {
        return service.rules(role);
    }

    @Query
    @Allowed
    @Description("The rules of trainingRules, in pages.")
    public @NonNull TrainingRuleConnection trainingRulesConnection(Integer first, String after, PersonRole role) {
        return TrainingRuleConnection.of(service.rulesPage(role, PageRequest.of(first, after)));
    }

    @Query
    @Allowed
    @Description("People of the unit short of a training rule as of the date (default today): by default those whose "
            + "state is EXPIRED, EXPIRING or MISSING. Ordered by person, then rule.")
    public @NonNull TrainingGapConnection trainingGaps(@NonNull @Id String unitId, List<TrainingState> states,
            LocalDate asOf, Integer first, String after) {
        return TrainingGapConnection.of(service.gaps(unitId, states, asOf, first, after));
    }

    @Mutation
    @Allowed({ Role.ADMIN, Role.COORDINATOR })
    @Description("Adds a training rule for a role in a region (default: the coordinator's own; for an admin, everywhere).")
    public @NonNull TrainingRule createTrainingRule(@NonNull TrainingRuleInput input) {
        return service.createRule(input);
    }

    @Mutation
    @Allowed({ Role.ADMIN, Role.COORDINATOR, Role.UNIT_EDITOR })
    @Description("Records a training of a person; unit editors for their own unit's people only. Resolves the person's "
            + "training alerts the record makes good.")
    public @NonNull TrainingRecord recordTraining(@NonNull TrainingRecordInput input) {
        return service.record(input);
    }

    @Mutation
    @Allowed({ Role.ADMIN, Role.COORDINATOR, Role.UNIT_EDITOR })
    @Description("Corrects a training record, given the version you read (CONFLICT if it changed since).")
    public @NonNull TrainingRecord correctTrainingRecord(@NonNull @Id String id, @NonNull int version,
            @NonNull TrainingCorrectionInput input) {
        return service.correct(id, version, input);
    }

    // ---------- nested fields, loaded in a fixed number of queries per field and level ----------

    @Name("certificateNumber")
    @Description("Masked (T110**********1234) unless the caller may see the holder's personal data.")
    public List<String> recordCertificateNumber(@Source List<TrainingRecord> records) {
        return service.certificateNumbers(records);
    }

    @Name("person")
    public @NonNull List<@NonNull Person> recordPerson(@Source List<TrainingRecord> records) {
        return service.personsOf(records);
    }

    @Name("region")
    @Description("The region the rule applies in, and below; null: everywhere.")
    public List<Region> ruleRegion(@Source List<TrainingRule> rules) {
        return service.regionsOf(rules);
    }
}
