package cn.worksafety.linkage;

import org.eclipse.microprofile.graphql.NonNull;

/** How many activations of one kind a mechanism had in a period. */
public record ActivationCount(@NonNull ActivationKind kind, @NonNull int count) {
}
