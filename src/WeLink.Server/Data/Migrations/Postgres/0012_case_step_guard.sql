-- A case step's writes reach PostgreSQL as one batch with no BEGIN or COMMIT, which PostgreSQL runs as one implicit
-- transaction: when a statement fails, the statements before it are undone and the ones after it skipped. The step's
-- version-checked case update passes the number of rows it changed to this function; none means another step moved
-- the case first, and the error this raises undoes the whole step. SQLite has no such batches; there the engine opens a
-- transaction and reads the update's result instead.
CREATE FUNCTION welink_case_step_won(moved BIGINT) RETURNS BIGINT LANGUAGE plpgsql AS $$
BEGIN
    IF moved = 0 THEN
        RAISE EXCEPTION 'The case moved on before this step was written.' USING ERRCODE = 'serialization_failure';
    END IF;
    RETURN moved;
END
$$;
