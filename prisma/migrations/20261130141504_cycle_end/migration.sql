-- CreateEnum
CREATE TYPE "MeasurementKind" AS ENUM ('BASELINE', 'END');

-- CreateEnum
CREATE TYPE "RolloverAdviceKind" AS ENUM ('CONTINUE', 'GRADUATE', 'CHANGE_SUPPORTER', 'LOOK_CLOSER');

-- CreateEnum
CREATE TYPE "CommendationStatus" AS ENUM ('DRAFT', 'NOMINATING', 'PUBLISHED');

-- CreateEnum
CREATE TYPE "CommendationCategoryKind" AS ENUM ('PAIRING', 'KINDERGARTEN', 'TEACHER', 'DIRECTOR');

-- CreateEnum
CREATE TYPE "NominationStatus" AS ENUM ('NOMINATED', 'APPROVED', 'REJECTED');

-- AlterTable
ALTER TABLE "CitySetting" ADD COLUMN     "adviceMissedShare" DECIMAL(3,2) NOT NULL DEFAULT 0.5,
ADD COLUMN     "adviceSemesterMetShare" DECIMAL(3,2) NOT NULL DEFAULT 0.8;

-- CreateTable
CREATE TABLE "CycleMeasurement" (
    "id" TEXT NOT NULL,
    "pairingId" TEXT NOT NULL,
    "kind" "MeasurementKind" NOT NULL,
    "measuredOn" DATE NOT NULL,
    "figures" JSONB NOT NULL,
    "standard" JSONB NOT NULL,
    "recordedById" TEXT NOT NULL,
    "confirmedById" TEXT,
    "confirmedAt" TIMESTAMPTZ(3),
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "CycleMeasurement_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RolloverAdvice" (
    "pairingId" TEXT NOT NULL,
    "advice" "RolloverAdviceKind" NOT NULL,
    "reasons" JSONB NOT NULL,
    "computedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "decision" "RolloverAdviceKind",
    "decisionNote" TEXT NOT NULL DEFAULT '',
    "decidedById" TEXT,
    "decidedAt" TIMESTAMPTZ(3),
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "RolloverAdvice_pkey" PRIMARY KEY ("pairingId")
);

-- CreateTable
CREATE TABLE "CommendationRound" (
    "id" TEXT NOT NULL,
    "cycleId" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "body" TEXT NOT NULL DEFAULT '',
    "status" "CommendationStatus" NOT NULL DEFAULT 'DRAFT',
    "publishedAt" TIMESTAMPTZ(3),
    "createdById" TEXT NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "CommendationRound_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CommendationCategory" (
    "id" TEXT NOT NULL,
    "roundId" TEXT NOT NULL,
    "kind" "CommendationCategoryKind" NOT NULL,
    "name" TEXT NOT NULL,
    "quotaPerCounty" INTEGER NOT NULL,

    CONSTRAINT "CommendationCategory_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Nomination" (
    "id" TEXT NOT NULL,
    "categoryId" TEXT NOT NULL,
    "countyId" TEXT NOT NULL,
    "pairingId" TEXT,
    "kindergartenId" TEXT,
    "userId" TEXT,
    "fromShortlist" BOOLEAN NOT NULL DEFAULT true,
    "reason" TEXT NOT NULL DEFAULT '',
    "status" "NominationStatus" NOT NULL DEFAULT 'NOMINATED',
    "nominatedById" TEXT NOT NULL,
    "decidedById" TEXT,
    "decidedAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Nomination_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CycleSummary" (
    "id" TEXT NOT NULL,
    "cycleId" TEXT NOT NULL,
    "scopeKey" TEXT NOT NULL,
    "countyId" TEXT,
    "body" TEXT NOT NULL DEFAULT '',
    "generated" JSONB NOT NULL,
    "publishedAt" TIMESTAMPTZ(3),
    "version" INTEGER NOT NULL DEFAULT 1,
    "updatedById" TEXT NOT NULL,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "CycleSummary_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ServiceRecordPrint" (
    "id" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "teacherId" TEXT NOT NULL,
    "printedById" TEXT NOT NULL,
    "printedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "content" JSONB NOT NULL,

    CONSTRAINT "ServiceRecordPrint_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "CycleMeasurement_pairingId_kind_key" ON "CycleMeasurement"("pairingId", "kind");

-- CreateIndex
CREATE INDEX "Nomination_categoryId_countyId_idx" ON "Nomination"("categoryId", "countyId");

-- CreateIndex
CREATE UNIQUE INDEX "CycleSummary_cycleId_scopeKey_key" ON "CycleSummary"("cycleId", "scopeKey");

-- CreateIndex
CREATE UNIQUE INDEX "ServiceRecordPrint_code_key" ON "ServiceRecordPrint"("code");

-- CreateIndex
CREATE INDEX "ServiceRecordPrint_teacherId_printedAt_idx" ON "ServiceRecordPrint"("teacherId", "printedAt");

-- AddForeignKey
ALTER TABLE "CycleMeasurement" ADD CONSTRAINT "CycleMeasurement_pairingId_fkey" FOREIGN KEY ("pairingId") REFERENCES "Pairing"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CycleMeasurement" ADD CONSTRAINT "CycleMeasurement_recordedById_fkey" FOREIGN KEY ("recordedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CycleMeasurement" ADD CONSTRAINT "CycleMeasurement_confirmedById_fkey" FOREIGN KEY ("confirmedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RolloverAdvice" ADD CONSTRAINT "RolloverAdvice_pairingId_fkey" FOREIGN KEY ("pairingId") REFERENCES "Pairing"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RolloverAdvice" ADD CONSTRAINT "RolloverAdvice_decidedById_fkey" FOREIGN KEY ("decidedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CommendationRound" ADD CONSTRAINT "CommendationRound_cycleId_fkey" FOREIGN KEY ("cycleId") REFERENCES "Cycle"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CommendationRound" ADD CONSTRAINT "CommendationRound_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CommendationCategory" ADD CONSTRAINT "CommendationCategory_roundId_fkey" FOREIGN KEY ("roundId") REFERENCES "CommendationRound"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Nomination" ADD CONSTRAINT "Nomination_categoryId_fkey" FOREIGN KEY ("categoryId") REFERENCES "CommendationCategory"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Nomination" ADD CONSTRAINT "Nomination_nominatedById_fkey" FOREIGN KEY ("nominatedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CycleSummary" ADD CONSTRAINT "CycleSummary_cycleId_fkey" FOREIGN KEY ("cycleId") REFERENCES "Cycle"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ServiceRecordPrint" ADD CONSTRAINT "ServiceRecordPrint_teacherId_fkey" FOREIGN KEY ("teacherId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ServiceRecordPrint" ADD CONSTRAINT "ServiceRecordPrint_printedById_fkey" FOREIGN KEY ("printedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
