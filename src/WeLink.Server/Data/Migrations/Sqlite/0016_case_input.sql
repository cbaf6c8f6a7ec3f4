-- Input a case's steps take is kept apart from the data the case was filed with, which input can no longer overwrite:
-- each step's input stays in case_history; the case keeps the latest value of each input field (what a later step, a
-- notice or the consumer's view reads, e.g. the question asked) and the running totals of the fields the definition
-- accumulates (remedy points, checked per case against the staff member's authority limit).
ALTER TABLE cases ADD COLUMN latest_input TEXT NOT NULL DEFAULT '{}';
ALTER TABLE cases ADD COLUMN input_totals TEXT NOT NULL DEFAULT '{}';
