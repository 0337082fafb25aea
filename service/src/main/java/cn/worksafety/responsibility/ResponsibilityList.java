package cn.worksafety.responsibility;

import cn.worksafety.exchange.ChangedRecord;
import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.NonNull;

import cn.worksafety.common.TrackedEntity;

/** A responsibility list (权责清单 / 任务清单) from one document: title, 文号, issuing unit and date. */
@Entity
@Table(name = "responsibility_list")
public class ResponsibilityList extends TrackedEntity implements ChangedRecord {

    @NonNull
    public String title;

    @Column(name = "document_number")
    @Description("The document number (文号), e.g. 聊江管办发〔2022〕7号.")
    public String documentNumber;

    @Column(name = "issuer_id")
    @Ignore
    public Long issuerId;

    @Column(name = "issued_on")
    public LocalDate issuedOn;

    @Column(name = "withdrawn_on")
    @Description("Set when the office withdrew the list; its items then leave the default listings and the overdue check.")
    public LocalDate withdrawnOn;

    @Column(name = "withdrawal_reason")
    public String withdrawalReason;
}
