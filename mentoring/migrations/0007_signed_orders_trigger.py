"""On PostgreSQL the database itself refuses to change a signed order: UPDATE or DELETE of an approved order,
and INSERT, UPDATE or DELETE of its pairs and of its acknowledgement rows — except dating an acknowledgement
once, and storing the PDF rendered from the frozen data after the signature (only the rendering columns, only
while no PDF is stored). A path that bypasses the ORM (psql, a raw query) meets the same wall. SQLite relies on the model guards."""

from django.db import migrations

FORWARD = """
CREATE OR REPLACE FUNCTION nastav_order_is_signed(order_id bigint) RETURNS boolean AS $$
    SELECT EXISTS (SELECT 1 FROM mentoring_order WHERE id = order_id AND status = 'approved');
$$ LANGUAGE sql STABLE;

CREATE OR REPLACE FUNCTION nastav_refuse_signed_order() RETURNS trigger AS $$
BEGIN
    IF TG_OP = 'UPDATE' AND OLD.status = 'approved' AND OLD.pdf_sha256 = ''
       AND (to_jsonb(NEW) - 'pdf' - 'pdf_file' - 'pdf_sha256' - 'pdf_attempts' - 'pdf_error')
           = (to_jsonb(OLD) - 'pdf' - 'pdf_file' - 'pdf_sha256' - 'pdf_attempts' - 'pdf_error') THEN
        RETURN NEW;  -- the PDF of the frozen data, stored once after the signature
    END IF;
    IF OLD.status = 'approved' THEN
        RAISE EXCEPTION 'signed order % cannot be changed', OLD.id USING ERRCODE = 'integrity_constraint_violation';
    END IF;
    IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
    RETURN NEW;
END;
$$ LANGUAGE plpgsql;

CREATE OR REPLACE FUNCTION nastav_refuse_signed_order_pairs() RETURNS trigger AS $$
BEGIN
    IF (TG_OP <> 'INSERT' AND nastav_order_is_signed(OLD.order_id))
       OR (TG_OP <> 'DELETE' AND nastav_order_is_signed(NEW.order_id)) THEN
        RAISE EXCEPTION 'pairs of a signed order cannot be changed'
            USING ERRCODE = 'integrity_constraint_violation';
    END IF;
    IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
    RETURN NEW;
END;
$$ LANGUAGE plpgsql;

CREATE OR REPLACE FUNCTION nastav_refuse_signed_order_acknowledgements() RETURNS trigger AS $$
BEGIN
    IF TG_OP = 'UPDATE' AND nastav_order_is_signed(OLD.order_id) THEN
        -- «ознакомлен(а)» is dated once, after the signature; nothing else changes
        IF NEW.order_id = OLD.order_id AND NEW.person_id = OLD.person_id AND OLD.acknowledged_on IS NULL THEN
            RETURN NEW;
        END IF;
        RAISE EXCEPTION 'acknowledgements of a signed order cannot be changed'
            USING ERRCODE = 'integrity_constraint_violation';
    END IF;
    IF (TG_OP = 'DELETE' AND nastav_order_is_signed(OLD.order_id))
       OR (TG_OP <> 'DELETE' AND nastav_order_is_signed(NEW.order_id)) THEN
        RAISE EXCEPTION 'acknowledgements of a signed order cannot be changed'
            USING ERRCODE = 'integrity_constraint_violation';
    END IF;
    IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
    RETURN NEW;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER nastav_signed_order BEFORE UPDATE OR DELETE ON mentoring_order
    FOR EACH ROW EXECUTE FUNCTION nastav_refuse_signed_order();
CREATE TRIGGER nastav_signed_order_pairs BEFORE INSERT OR UPDATE OR DELETE ON mentoring_order_pairs
    FOR EACH ROW EXECUTE FUNCTION nastav_refuse_signed_order_pairs();
CREATE TRIGGER nastav_signed_order_acknowledgements
    BEFORE INSERT OR UPDATE OR DELETE ON mentoring_orderacknowledgement
    FOR EACH ROW EXECUTE FUNCTION nastav_refuse_signed_order_acknowledgements();
"""

BACKWARD = """
DROP TRIGGER IF EXISTS nastav_signed_order ON mentoring_order;
DROP TRIGGER IF EXISTS nastav_signed_order_pairs ON mentoring_order_pairs;
DROP TRIGGER IF EXISTS nastav_signed_order_acknowledgements ON mentoring_orderacknowledgement;
DROP FUNCTION IF EXISTS nastav_refuse_signed_order_pairs();
DROP FUNCTION IF EXISTS nastav_refuse_signed_order_acknowledgements();
DROP FUNCTION IF EXISTS nastav_refuse_signed_order();
DROP FUNCTION IF EXISTS nastav_order_is_signed(bigint);
"""


def _on_postgresql(sql):
    def run(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            schema_editor.execute(sql, params=None)  # the SQL holds % of RAISE, not parameters

    return run


class Migration(migrations.Migration):
    dependencies = [
        ("mentoring", "0007_order_pdf_in_storage"),
    ]

    operations = [migrations.RunPython(_on_postgresql(FORWARD), _on_postgresql(BACKWARD))]
