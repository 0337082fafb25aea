package cn.worksafety.linkage;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A unit that actually took part in an activation; {@code participant} records whether it was
 * the lead or a participant of the mechanism at the time. Written once with the activation.
 */
@Entity
@Table(name = "linkage_activation_unit")
public class LinkageActivationUnit {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "activation_id")
    public Long activationId;

    @Column(name = "unit_id")
    public Long unitId;

    public boolean participant;

    public int position;
}
