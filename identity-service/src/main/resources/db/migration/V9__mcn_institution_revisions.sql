-- MCN institutions are updated like room operators and marketers (Arts. 39, 43); replaced versions go to
-- subject_revisions (subject_type MCN_INSTITUTION). update_time starts as the creation time.
ALTER TABLE mcn_institutions ADD COLUMN update_time DATETIME(6) NULL;
UPDATE mcn_institutions SET update_time = create_time;
ALTER TABLE mcn_institutions MODIFY COLUMN update_time DATETIME(6) NOT NULL;
