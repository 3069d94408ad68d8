-- AlterTable
ALTER TABLE "KeptVersion" ADD COLUMN     "changesFrom" BIGINT NOT NULL DEFAULT 0;

-- CreateTable
CREATE TABLE "KeptChange" (
    "refresh" BIGINT NOT NULL,
    "pairingId" TEXT NOT NULL,

    CONSTRAINT "KeptChange_pkey" PRIMARY KEY ("refresh","pairingId")
);

-- Refreshes made before this log existed are not listed: a remembered evaluation older than now is
-- computed anew rather than patched (docs/decisions/028).
UPDATE "KeptVersion" SET "changesFrom" = refreshes;
