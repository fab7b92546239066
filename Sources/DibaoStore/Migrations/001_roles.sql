-- The two roles the service and the inspectors use. The owner is the role that runs the
-- migrations (the user in DIBAO_DATABASE_URL); it owns every object below.
-- Roles are cluster-wide and several databases may migrate at once, so creation tolerates a
-- concurrent creator.
DO $$
BEGIN
    BEGIN
        CREATE ROLE dibao_app LOGIN;
    EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;
    END;
    BEGIN
        CREATE ROLE dibao_auditor LOGIN;
    EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;
    END;
END
$$;
