CREATE TABLE "audit_pending" (
	"tenant_id" text NOT NULL,
	"pending_id" bigserial NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"actor_id" text NOT NULL,
	"actor_role" text NOT NULL,
	"action" text NOT NULL,
	"entity" text NOT NULL,
	"entity_id" text,
	"request_id" text,
	"client_ip" text,
	"digest" text,
	"frame_before_seq" text NOT NULL,
	"frame_after_seq" text NOT NULL,
	CONSTRAINT "audit_pending_tenant_id_pending_id_pk" PRIMARY KEY("tenant_id","pending_id")
);

--> statement-breakpoint
-- Chains a pending event into audit_events at its transaction's commit. The hash is computed here
-- from the frame the application built (canonicalFrame) and the head it has just locked, and is
-- the same SHA-256 that `madoguchi audit verify` recomputes in the application.
CREATE FUNCTION audit_pending_seal() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  head_seq bigint;
  head_hash text;
  event_hash text;
BEGIN
  SELECT last_seq, last_hash INTO head_seq, head_hash
    FROM audit_heads WHERE tenant_id = NEW.tenant_id FOR UPDATE;
  IF NOT FOUND THEN
    INSERT INTO audit_heads (tenant_id, last_seq, last_hash)
      VALUES (NEW.tenant_id, 0, repeat('0', 64)) ON CONFLICT DO NOTHING;
    SELECT last_seq, last_hash INTO head_seq, head_hash
      FROM audit_heads WHERE tenant_id = NEW.tenant_id FOR UPDATE;
  END IF;
  head_seq := head_seq + 1;
  event_hash := encode(sha256(convert_to(
    NEW.frame_before_seq || head_seq::text || NEW.frame_after_seq || head_hash || '"]', 'UTF8')), 'hex');
  INSERT INTO audit_events (tenant_id, seq, at, actor_id, actor_role, action, entity, entity_id,
      request_id, client_ip, digest, prev_hash, hash)
    VALUES (NEW.tenant_id, head_seq, NEW.at, NEW.actor_id, NEW.actor_role, NEW.action, NEW.entity,
      NEW.entity_id, NEW.request_id, NEW.client_ip, NEW.digest, head_hash, event_hash);
  UPDATE audit_heads SET last_seq = head_seq, last_hash = event_hash
    WHERE tenant_id = NEW.tenant_id;
  DELETE FROM audit_pending WHERE tenant_id = NEW.tenant_id AND pending_id = NEW.pending_id;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER audit_pending_seal AFTER INSERT ON audit_pending
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION audit_pending_seal();
