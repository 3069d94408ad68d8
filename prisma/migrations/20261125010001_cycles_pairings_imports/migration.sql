-- CreateEnum
CREATE TYPE "Term" AS ENUM ('AUTUMN', 'SPRING');

-- CreateEnum
CREATE TYPE "PairingMemberRole" AS ENUM ('LEADER', 'MEMBER');

-- CreateEnum
CREATE TYPE "ImportKind" AS ENUM ('KINDERGARTENS', 'STAFF');

-- AlterTable
ALTER TABLE "User" ADD COLUMN     "createdById" TEXT;

-- CreateTable
CREATE TABLE "CitySetting" (
    "cityId" TEXT NOT NULL,
    "maxAssistedPerSupporter" INTEGER NOT NULL DEFAULT 2,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "CitySetting_pkey" PRIMARY KEY ("cityId")
);

-- CreateTable
CREATE TABLE "Cycle" (
    "id" TEXT NOT NULL,
    "startYear" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Cycle_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Semester" (
    "id" TEXT NOT NULL,
    "cycleId" TEXT NOT NULL,
    "academicYear" INTEGER NOT NULL,
    "term" "Term" NOT NULL,
    "startsOn" DATE NOT NULL,
    "endsOn" DATE NOT NULL,

    CONSTRAINT "Semester_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Pairing" (
    "id" TEXT NOT NULL,
    "cycleId" TEXT NOT NULL,
    "supportingId" TEXT NOT NULL,
    "assistedId" TEXT NOT NULL,
    "startsOn" DATE NOT NULL,
    "endsOn" DATE,
    "endReason" TEXT,
    "goalConditions" TEXT NOT NULL DEFAULT '',
    "goalManagement" TEXT NOT NULL DEFAULT '',
    "goalTeachers" TEXT NOT NULL DEFAULT '',
    "goalChildren" TEXT NOT NULL DEFAULT '',
    "previousId" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Pairing_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PairingMember" (
    "pairingId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "role" "PairingMemberRole" NOT NULL DEFAULT 'MEMBER',

    CONSTRAINT "PairingMember_pkey" PRIMARY KEY ("pairingId","userId")
);

-- CreateTable
CREATE TABLE "ImportBatch" (
    "id" TEXT NOT NULL,
    "kind" "ImportKind" NOT NULL,
    "userId" TEXT NOT NULL,
    "fileName" TEXT NOT NULL,
    "rows" JSONB NOT NULL,
    "errorCount" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "committedAt" TIMESTAMP(3),

    CONSTRAINT "ImportBatch_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Cycle_startYear_key" ON "Cycle"("startYear");

-- CreateIndex
CREATE INDEX "Semester_startsOn_endsOn_idx" ON "Semester"("startsOn", "endsOn");

-- CreateIndex
CREATE UNIQUE INDEX "Semester_cycleId_academicYear_term_key" ON "Semester"("cycleId", "academicYear", "term");

-- CreateIndex
CREATE UNIQUE INDEX "Pairing_previousId_key" ON "Pairing"("previousId");

-- CreateIndex
CREATE INDEX "Pairing_cycleId_supportingId_idx" ON "Pairing"("cycleId", "supportingId");

-- CreateIndex
CREATE INDEX "Pairing_supportingId_idx" ON "Pairing"("supportingId");

-- CreateIndex
CREATE INDEX "Pairing_assistedId_idx" ON "Pairing"("assistedId");

-- CreateIndex
CREATE UNIQUE INDEX "Pairing_cycleId_assistedId_key" ON "Pairing"("cycleId", "assistedId");

-- CreateIndex
CREATE INDEX "PairingMember_userId_idx" ON "PairingMember"("userId");

-- CreateIndex
CREATE INDEX "Kindergarten_area_level_idx" ON "Kindergarten"("area", "level");

-- AddForeignKey
ALTER TABLE "User" ADD CONSTRAINT "User_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CitySetting" ADD CONSTRAINT "CitySetting_cityId_fkey" FOREIGN KEY ("cityId") REFERENCES "Region"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Semester" ADD CONSTRAINT "Semester_cycleId_fkey" FOREIGN KEY ("cycleId") REFERENCES "Cycle"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Pairing" ADD CONSTRAINT "Pairing_cycleId_fkey" FOREIGN KEY ("cycleId") REFERENCES "Cycle"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Pairing" ADD CONSTRAINT "Pairing_supportingId_fkey" FOREIGN KEY ("supportingId") REFERENCES "Kindergarten"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Pairing" ADD CONSTRAINT "Pairing_assistedId_fkey" FOREIGN KEY ("assistedId") REFERENCES "Kindergarten"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Pairing" ADD CONSTRAINT "Pairing_previousId_fkey" FOREIGN KEY ("previousId") REFERENCES "Pairing"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PairingMember" ADD CONSTRAINT "PairingMember_pairingId_fkey" FOREIGN KEY ("pairingId") REFERENCES "Pairing"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PairingMember" ADD CONSTRAINT "PairingMember_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ImportBatch" ADD CONSTRAINT "ImportBatch_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
