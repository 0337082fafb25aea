package cn.worksafety.organisation;

import cn.worksafety.exchange.ChangedRecord;
import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;

import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.NonNull;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import cn.worksafety.common.TrackedEntity;

/**
 * A person whose safety role and training the office tracks. The ID number and phone are
 * personal data: the API serves them only through the masking resolvers, never directly.
 * Training adds {@code training} and {@code trainingRecords} (training/PersonTrainingFields).
 */
@Entity
public class Person extends TrackedEntity implements ChangedRecord {

    @NonNull
    public String name;

    @Column(name = "unit_id")
    @Ignore
    public Long unitId;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "roles", columnDefinition = "varchar(20)[]")
    @Ignore
    public List<String> roleNames = new ArrayList<>();

    @Column(name = "id_number")
    @Ignore
    public String idNumber;

    @Ignore
    public String phone;

    public @NonNull List<@NonNull PersonRole> getRoles() {
        return roleNames.stream().map(PersonRole::valueOf).toList();
    }
}
