-- Case references are handed out 50 at a time (cn.youfu.platform.PooledSequence): each nextval reserves the 50
-- numbers from its value for one instance, so 49 of 50 new cases need no round trip for their number.
ALTER SEQUENCE cases.reference_seq INCREMENT BY 50;
