package cn.worksafety.local;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.worksafety.audit.AuditTrail;
import cn.worksafety.linkage.LinkageKind;
import cn.worksafety.linkage.LinkageMechanism;
import cn.worksafety.linkage.LinkageParticipant;
import cn.worksafety.linkage.LinkageMechanismService;
import cn.worksafety.organisation.Unit;
import cn.worksafety.organisation.UnitRepository;

/**
 * The four linkage mechanisms of Yicheng County's Tangxing chemical park (seed 000, section
 * 三 (一)-(四)) with their lead units, the departments the document names, their duties and the
 * natural-hazard triggers, in the document's own wording (sample/linkage-mechanisms.json).
 * The document records no activations, so none are invented.
 */
@ApplicationScoped
public class LinkageSample implements SampleDataSet {

    static final String RESOURCE = "sample/linkage-mechanisms.json";

    @Inject
    LinkageMechanismService service;

    @Inject
    UnitRepository units;

    @Inject
    AuditTrail audit;

    @Inject
    ObjectMapper json;

    @Override
    public String name() {
        return "linkage";
    }

    @Override
    public int order() {
        return 20;
    }

    @Override
    public void load() {
        for (JsonNode m : read().get("mechanisms")) {
            LinkageMechanism mechanism = new LinkageMechanism();
            mechanism.name = m.get("name").asText();
            mechanism.kind = LinkageKind.valueOf(m.get("kind").asText());
            mechanism.scope = m.get("scope").asText();
            mechanism.leadUnitId = unit(m.get("lead").asText()).id;
            mechanism.description = m.get("description").asText();
            mechanism.basis = m.get("basis").asText();
            mechanism.triggers = new ArrayList<>();
            m.get("triggers").forEach(t -> mechanism.triggers.add(t.asText()));
            List<LinkageParticipant> members = new ArrayList<>();
            for (JsonNode p : m.get("participants")) {
                LinkageParticipant member = new LinkageParticipant();
                member.unitId = unit(p.get("unit").asText()).id;
                member.duty = p.get("duty").asText();
                members.add(member);
            }
            service.persist(mechanism, members);
            audit.changed("sample-data", "LinkageMechanism", mechanism.id, null,
                    audit.snapshot(LinkageMechanismService.record(mechanism, members)));
        }
    }

    private Unit unit(String code) {
        return units.findByCode(code).orElseThrow(() -> new IllegalStateException("Sample unit " + code + " is missing"));
    }

    private JsonNode read() {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("Missing sample resource " + RESOURCE);
            }
            return json.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
