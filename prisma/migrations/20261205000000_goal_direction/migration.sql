-- A goal where a fall is the good news (refunds, support tickets, bounces): results read a negative lift as
-- better, the recommendation picks the lowest arm, a guardrail is worse when it rises, a bandit favors the lowest.
ALTER TABLE "goals" ADD COLUMN "lower_is_better" BOOLEAN NOT NULL DEFAULT false;
