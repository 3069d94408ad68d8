-- CreateEnum
CREATE TYPE "AssessmentSource" AS ENUM ('INSPECTION', 'ATTESTATION');

-- CreateEnum
CREATE TYPE "AssessmentOutcome" AS ENUM ('PASS', 'FAIL');

-- AlterTable
ALTER TABLE "CitySetting" ADD COLUMN     "effectConfirmedOnly" BOOLEAN NOT NULL DEFAULT false;

-- CreateTable
CREATE TABLE "EffectTestThresholds" (
    "id" TEXT NOT NULL,
    "effectiveFrom" DATE NOT NULL,
    "classHours" DECIMAL(5,1) NOT NULL,
    "shadowStudies" INTEGER NOT NULL,
    "lectures" INTEGER NOT NULL,
    "excellentRate" DECIMAL(4,3) NOT NULL,
    "passRate" DECIMAL(4,3) NOT NULL,
    "papers" INTEGER NOT NULL,
    "createdById" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "EffectTestThresholds_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Assessment" (
    "id" TEXT NOT NULL,
    "pairingId" TEXT NOT NULL,
    "test" TEXT NOT NULL DEFAULT 'A1',
    "source" "AssessmentSource" NOT NULL,
    "outcome" "AssessmentOutcome" NOT NULL,
    "assessedOn" DATE NOT NULL,
    "notes" TEXT NOT NULL DEFAULT '',
    "evidence" TEXT NOT NULL DEFAULT '',
    "createdById" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Assessment_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "EffectTestThresholds_effectiveFrom_key" ON "EffectTestThresholds"("effectiveFrom");

-- CreateIndex
CREATE INDEX "Assessment_pairingId_test_assessedOn_idx" ON "Assessment"("pairingId", "test", "assessedOn");

-- CreateIndex
CREATE INDEX "LessonRecord_kindergartenId_teacherId_heldOn_idx" ON "LessonRecord"("kindergartenId", "teacherId", "heldOn");

-- AddForeignKey
ALTER TABLE "Assessment" ADD CONSTRAINT "Assessment_pairingId_fkey" FOREIGN KEY ("pairingId") REFERENCES "Pairing"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
