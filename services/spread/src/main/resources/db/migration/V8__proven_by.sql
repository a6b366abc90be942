-- Why a model version is PROVEN: the evidence rule (version and settings) and the evaluations that met it.
alter table model_version add column proven_rule text;
alter table model_version add column proven_evaluation_ids jsonb;
