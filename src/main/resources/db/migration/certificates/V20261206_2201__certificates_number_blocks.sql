-- Certificate numbers are handed out 50 at a time (cn.youfu.platform.PooledSequence): each nextval reserves the 50
-- numbers from its value for one instance, so 49 of 50 certificates need no round trip for their number.
ALTER SEQUENCE certificates.number_seq INCREMENT BY 50;
