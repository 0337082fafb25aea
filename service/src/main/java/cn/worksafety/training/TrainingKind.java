package cn.worksafety.training;

/** What a training record is: induction (入职培训), refresher (复训), assessment (考核), certificate (持证). */
public enum TrainingKind {
    INDUCTION,
    REFRESHER,
    ASSESSMENT,
    CERTIFICATE
}
