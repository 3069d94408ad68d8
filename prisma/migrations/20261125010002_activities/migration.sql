-- CreateEnum
CREATE TYPE "ActivityType" AS ENUM ('TEACHING_OBSERVATION', 'TRAINING', 'SENT_DEMONSTRATION', 'SENT_LECTURE', 'SENT_RESEARCH', 'SPECIAL_LECTURE', 'DAILY_OBSERVATION', 'FOLLOW_UP_STUDY', 'POST_EXCHANGE', 'MENTORING', 'RESOURCE_SHARING', 'DONATION', 'CHILDREN_EXCHANGE', 'PARENT_ACTIVITY', 'COMPETITION', 'FELLOWSHIP');

-- CreateEnum
CREATE TYPE "ActivityDirection" AS ENUM ('TO_ASSISTED', 'TO_SUPPORTING', 'JOINT');

-- CreateEnum
CREATE TYPE "TargetArea" AS ENUM ('CONDITIONS', 'MANAGEMENT', 'TEACHERS', 'CHILDREN');

-- CreateEnum
CREATE TYPE "ActivityStatus" AS ENUM ('PLANNED', 'DONE', 'CANCELLED');

-- CreateEnum
CREATE TYPE "ConfirmationStatus" AS ENUM ('PENDING', 'CONFIRMED', 'DISPUTED');

-- CreateEnum
CREATE TYPE "RequestKind" AS ENUM ('LECTURE_TOPIC', 'DEMONSTRATION_CLASS', 'ITEM', 'OTHER');

-- CreateEnum
CREATE TYPE "RequestStatus" AS ENUM ('OPEN', 'ANSWERED', 'CLOSED');

-- CreateEnum
CREATE TYPE "LessonDomain" AS ENUM ('HEALTH', 'LANGUAGE', 'SOCIAL', 'SCIENCE', 'ART');

-- CreateEnum
CREATE TYPE "LessonRating" AS ENUM ('EXCELLENT', 'GOOD', 'PASS', 'FAIL');

-- CreateEnum
CREATE TYPE "PaperKind" AS ENUM ('PUBLISHED', 'AWARD');

-- CreateEnum
CREATE TYPE "PaperLevel" AS ENUM ('COUNTY', 'MUNICIPAL', 'PROVINCIAL', 'NATIONAL');

-- CreateEnum
CREATE TYPE "ProgrammeKind" AS ENUM ('RESEARCH', 'PARENT_WORK', 'CHARACTERISTIC');

-- CreateEnum
CREATE TYPE "EvidenceKind" AS ENUM ('PHOTO', 'DOCUMENT');

-- CreateTable
CREATE TABLE "Activity" (
    "id" TEXT NOT NULL,
    "pairingId" TEXT NOT NULL,
    "type" "ActivityType" NOT NULL,
    "direction" "ActivityDirection" NOT NULL,
    "targetArea" "TargetArea" NOT NULL,
    "title" TEXT NOT NULL,
    "startsAt" TIMESTAMPTZ(3) NOT NULL,
    "endsAt" TIMESTAMPTZ(3),
    "location" TEXT NOT NULL DEFAULT '',
    "outsideExperts" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "childCount" INTEGER,
    "classHours" DECIMAL(5,1),
    "plan" TEXT NOT NULL DEFAULT '',
    "measures" TEXT NOT NULL DEFAULT '',
    "record" TEXT NOT NULL DEFAULT '',
    "summary" TEXT NOT NULL DEFAULT '',
    "status" "ActivityStatus" NOT NULL DEFAULT 'PLANNED',
    "cancelReason" TEXT,
    "recordingKindergartenId" TEXT NOT NULL,
    "confirmation" "ConfirmationStatus" NOT NULL DEFAULT 'PENDING',
    "confirmedById" TEXT,
    "confirmedAt" TIMESTAMPTZ(3),
    "confirmationComment" TEXT,
    "receiptConfirmedById" TEXT,
    "receiptConfirmedAt" TIMESTAMPTZ(3),
    "receiptComment" TEXT,
    "requestId" TEXT,
    "createdById" TEXT NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Activity_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ActivityParticipant" (
    "activityId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,

    CONSTRAINT "ActivityParticipant_pkey" PRIMARY KEY ("activityId","userId")
);

-- CreateTable
CREATE TABLE "DonationLine" (
    "id" TEXT NOT NULL,
    "activityId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "item" TEXT NOT NULL,
    "quantity" DECIMAL(12,2) NOT NULL,
    "unit" TEXT NOT NULL,
    "estimatedValue" DECIMAL(12,2) NOT NULL,

    CONSTRAINT "DonationLine_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AssistanceRequest" (
    "id" TEXT NOT NULL,
    "pairingId" TEXT NOT NULL,
    "kind" "RequestKind" NOT NULL,
    "title" TEXT NOT NULL,
    "details" TEXT NOT NULL DEFAULT '',
    "neededBy" DATE,
    "status" "RequestStatus" NOT NULL DEFAULT 'OPEN',
    "createdById" TEXT NOT NULL,
    "closedById" TEXT,
    "closedAt" TIMESTAMPTZ(3),
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "AssistanceRequest_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MentorPair" (
    "id" TEXT NOT NULL,
    "pairingId" TEXT NOT NULL,
    "mentorId" TEXT NOT NULL,
    "apprenticeId" TEXT NOT NULL,
    "goals" TEXT NOT NULL DEFAULT '',
    "startsOn" DATE NOT NULL,
    "endsOn" DATE,
    "createdById" TEXT NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "MentorPair_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MentorSession" (
    "id" TEXT NOT NULL,
    "mentorPairId" TEXT NOT NULL,
    "heldOn" DATE NOT NULL,
    "topic" TEXT NOT NULL,
    "notes" TEXT NOT NULL DEFAULT '',
    "createdById" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "MentorSession_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "LessonRecord" (
    "id" TEXT NOT NULL,
    "teacherId" TEXT NOT NULL,
    "kindergartenId" TEXT NOT NULL,
    "heldOn" DATE NOT NULL,
    "className" TEXT NOT NULL,
    "domain" "LessonDomain" NOT NULL,
    "title" TEXT NOT NULL,
    "plan" TEXT NOT NULL DEFAULT '',
    "reflection" TEXT NOT NULL DEFAULT '',
    "rating" "LessonRating",
    "ratingComment" TEXT,
    "evaluatedById" TEXT,
    "evaluatedAt" TIMESTAMPTZ(3),
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "LessonRecord_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Paper" (
    "id" TEXT NOT NULL,
    "authorId" TEXT NOT NULL,
    "kindergartenId" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "venue" TEXT NOT NULL,
    "kind" "PaperKind" NOT NULL,
    "level" "PaperLevel" NOT NULL,
    "award" TEXT NOT NULL DEFAULT '',
    "date" DATE NOT NULL,
    "confirmedById" TEXT,
    "confirmedAt" TIMESTAMPTZ(3),
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Paper_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Programme" (
    "id" TEXT NOT NULL,
    "pairingId" TEXT NOT NULL,
    "kindergartenId" TEXT NOT NULL,
    "kind" "ProgrammeKind" NOT NULL,
    "academicYear" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "plan" TEXT NOT NULL DEFAULT '',
    "results" TEXT NOT NULL DEFAULT '',
    "createdById" TEXT NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Programme_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ProgrammeRecord" (
    "id" TEXT NOT NULL,
    "programmeId" TEXT NOT NULL,
    "heldOn" DATE NOT NULL,
    "title" TEXT NOT NULL,
    "notes" TEXT NOT NULL DEFAULT '',
    "createdById" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ProgrammeRecord_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AnnualPlan" (
    "id" TEXT NOT NULL,
    "pairingId" TEXT NOT NULL,
    "academicYear" INTEGER NOT NULL,
    "content" TEXT NOT NULL DEFAULT '',
    "goals" TEXT NOT NULL DEFAULT '',
    "methods" TEXT NOT NULL DEFAULT '',
    "steps" TEXT NOT NULL DEFAULT '',
    "personnel" TEXT NOT NULL DEFAULT '',
    "measures" TEXT NOT NULL DEFAULT '',
    "summary" TEXT NOT NULL DEFAULT '',
    "planSubmittedAt" TIMESTAMPTZ(3),
    "planSubmittedById" TEXT,
    "summarySubmittedAt" TIMESTAMPTZ(3),
    "summarySubmittedById" TEXT,
    "updatedById" TEXT NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "AnnualPlan_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "EvidenceFile" (
    "id" TEXT NOT NULL,
    "storageKey" TEXT NOT NULL,
    "originalName" TEXT NOT NULL,
    "mimeType" TEXT NOT NULL,
    "size" INTEGER NOT NULL,
    "sha256" TEXT NOT NULL,
    "kind" "EvidenceKind" NOT NULL,
    "uploadedById" TEXT NOT NULL,
    "kindergartenId" TEXT NOT NULL,
    "activityId" TEXT,
    "lessonRecordId" TEXT,
    "paperId" TEXT,
    "programmeId" TEXT,
    "programmeRecordId" TEXT,
    "mentorSessionId" TEXT,
    "annualPlanId" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "deletedAt" TIMESTAMPTZ(3),

    CONSTRAINT "EvidenceFile_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Activity_pairingId_status_startsAt_idx" ON "Activity"("pairingId", "status", "startsAt");

-- CreateIndex
CREATE INDEX "Activity_pairingId_type_startsAt_idx" ON "Activity"("pairingId", "type", "startsAt");

-- CreateIndex
CREATE INDEX "Activity_startsAt_idx" ON "Activity"("startsAt");

-- CreateIndex
CREATE INDEX "Activity_requestId_idx" ON "Activity"("requestId");

-- CreateIndex
CREATE INDEX "Activity_createdById_idx" ON "Activity"("createdById");

-- CreateIndex
CREATE INDEX "ActivityParticipant_userId_idx" ON "ActivityParticipant"("userId");

-- CreateIndex
CREATE INDEX "DonationLine_activityId_position_idx" ON "DonationLine"("activityId", "position");

-- CreateIndex
CREATE INDEX "AssistanceRequest_pairingId_status_createdAt_idx" ON "AssistanceRequest"("pairingId", "status", "createdAt");

-- CreateIndex
CREATE INDEX "MentorPair_mentorId_idx" ON "MentorPair"("mentorId");

-- CreateIndex
CREATE INDEX "MentorPair_apprenticeId_idx" ON "MentorPair"("apprenticeId");

-- CreateIndex
CREATE UNIQUE INDEX "MentorPair_pairingId_mentorId_apprenticeId_key" ON "MentorPair"("pairingId", "mentorId", "apprenticeId");

-- CreateIndex
CREATE INDEX "MentorSession_mentorPairId_heldOn_idx" ON "MentorSession"("mentorPairId", "heldOn");

-- CreateIndex
CREATE INDEX "LessonRecord_kindergartenId_heldOn_idx" ON "LessonRecord"("kindergartenId", "heldOn");

-- CreateIndex
CREATE INDEX "LessonRecord_teacherId_heldOn_idx" ON "LessonRecord"("teacherId", "heldOn");

-- CreateIndex
CREATE INDEX "Paper_kindergartenId_date_idx" ON "Paper"("kindergartenId", "date");

-- CreateIndex
CREATE INDEX "Paper_authorId_date_idx" ON "Paper"("authorId", "date");

-- CreateIndex
CREATE INDEX "Programme_pairingId_academicYear_idx" ON "Programme"("pairingId", "academicYear");

-- CreateIndex
CREATE INDEX "Programme_kindergartenId_kind_academicYear_idx" ON "Programme"("kindergartenId", "kind", "academicYear");

-- CreateIndex
CREATE INDEX "ProgrammeRecord_programmeId_heldOn_idx" ON "ProgrammeRecord"("programmeId", "heldOn");

-- CreateIndex
CREATE UNIQUE INDEX "AnnualPlan_pairingId_academicYear_key" ON "AnnualPlan"("pairingId", "academicYear");

-- CreateIndex
CREATE UNIQUE INDEX "EvidenceFile_storageKey_key" ON "EvidenceFile"("storageKey");

-- CreateIndex
CREATE INDEX "EvidenceFile_sha256_idx" ON "EvidenceFile"("sha256");

-- CreateIndex
CREATE INDEX "EvidenceFile_kindergartenId_createdAt_idx" ON "EvidenceFile"("kindergartenId", "createdAt");

-- CreateIndex
CREATE INDEX "EvidenceFile_activityId_idx" ON "EvidenceFile"("activityId");

-- CreateIndex
CREATE INDEX "EvidenceFile_lessonRecordId_idx" ON "EvidenceFile"("lessonRecordId");

-- CreateIndex
CREATE INDEX "EvidenceFile_paperId_idx" ON "EvidenceFile"("paperId");

-- CreateIndex
CREATE INDEX "EvidenceFile_programmeId_idx" ON "EvidenceFile"("programmeId");

-- CreateIndex
CREATE INDEX "EvidenceFile_programmeRecordId_idx" ON "EvidenceFile"("programmeRecordId");

-- CreateIndex
CREATE INDEX "EvidenceFile_mentorSessionId_idx" ON "EvidenceFile"("mentorSessionId");

-- CreateIndex
CREATE INDEX "EvidenceFile_annualPlanId_idx" ON "EvidenceFile"("annualPlanId");

-- AddForeignKey
ALTER TABLE "Activity" ADD CONSTRAINT "Activity_pairingId_fkey" FOREIGN KEY ("pairingId") REFERENCES "Pairing"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Activity" ADD CONSTRAINT "Activity_recordingKindergartenId_fkey" FOREIGN KEY ("recordingKindergartenId") REFERENCES "Kindergarten"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Activity" ADD CONSTRAINT "Activity_confirmedById_fkey" FOREIGN KEY ("confirmedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Activity" ADD CONSTRAINT "Activity_receiptConfirmedById_fkey" FOREIGN KEY ("receiptConfirmedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Activity" ADD CONSTRAINT "Activity_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "AssistanceRequest"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Activity" ADD CONSTRAINT "Activity_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ActivityParticipant" ADD CONSTRAINT "ActivityParticipant_activityId_fkey" FOREIGN KEY ("activityId") REFERENCES "Activity"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ActivityParticipant" ADD CONSTRAINT "ActivityParticipant_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DonationLine" ADD CONSTRAINT "DonationLine_activityId_fkey" FOREIGN KEY ("activityId") REFERENCES "Activity"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AssistanceRequest" ADD CONSTRAINT "AssistanceRequest_pairingId_fkey" FOREIGN KEY ("pairingId") REFERENCES "Pairing"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AssistanceRequest" ADD CONSTRAINT "AssistanceRequest_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AssistanceRequest" ADD CONSTRAINT "AssistanceRequest_closedById_fkey" FOREIGN KEY ("closedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MentorPair" ADD CONSTRAINT "MentorPair_pairingId_fkey" FOREIGN KEY ("pairingId") REFERENCES "Pairing"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MentorPair" ADD CONSTRAINT "MentorPair_mentorId_fkey" FOREIGN KEY ("mentorId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MentorPair" ADD CONSTRAINT "MentorPair_apprenticeId_fkey" FOREIGN KEY ("apprenticeId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MentorPair" ADD CONSTRAINT "MentorPair_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MentorSession" ADD CONSTRAINT "MentorSession_mentorPairId_fkey" FOREIGN KEY ("mentorPairId") REFERENCES "MentorPair"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MentorSession" ADD CONSTRAINT "MentorSession_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LessonRecord" ADD CONSTRAINT "LessonRecord_teacherId_fkey" FOREIGN KEY ("teacherId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LessonRecord" ADD CONSTRAINT "LessonRecord_kindergartenId_fkey" FOREIGN KEY ("kindergartenId") REFERENCES "Kindergarten"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LessonRecord" ADD CONSTRAINT "LessonRecord_evaluatedById_fkey" FOREIGN KEY ("evaluatedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Paper" ADD CONSTRAINT "Paper_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Paper" ADD CONSTRAINT "Paper_kindergartenId_fkey" FOREIGN KEY ("kindergartenId") REFERENCES "Kindergarten"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Paper" ADD CONSTRAINT "Paper_confirmedById_fkey" FOREIGN KEY ("confirmedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Programme" ADD CONSTRAINT "Programme_pairingId_fkey" FOREIGN KEY ("pairingId") REFERENCES "Pairing"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Programme" ADD CONSTRAINT "Programme_kindergartenId_fkey" FOREIGN KEY ("kindergartenId") REFERENCES "Kindergarten"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Programme" ADD CONSTRAINT "Programme_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProgrammeRecord" ADD CONSTRAINT "ProgrammeRecord_programmeId_fkey" FOREIGN KEY ("programmeId") REFERENCES "Programme"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProgrammeRecord" ADD CONSTRAINT "ProgrammeRecord_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AnnualPlan" ADD CONSTRAINT "AnnualPlan_pairingId_fkey" FOREIGN KEY ("pairingId") REFERENCES "Pairing"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AnnualPlan" ADD CONSTRAINT "AnnualPlan_planSubmittedById_fkey" FOREIGN KEY ("planSubmittedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AnnualPlan" ADD CONSTRAINT "AnnualPlan_summarySubmittedById_fkey" FOREIGN KEY ("summarySubmittedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AnnualPlan" ADD CONSTRAINT "AnnualPlan_updatedById_fkey" FOREIGN KEY ("updatedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EvidenceFile" ADD CONSTRAINT "EvidenceFile_uploadedById_fkey" FOREIGN KEY ("uploadedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EvidenceFile" ADD CONSTRAINT "EvidenceFile_kindergartenId_fkey" FOREIGN KEY ("kindergartenId") REFERENCES "Kindergarten"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EvidenceFile" ADD CONSTRAINT "EvidenceFile_activityId_fkey" FOREIGN KEY ("activityId") REFERENCES "Activity"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EvidenceFile" ADD CONSTRAINT "EvidenceFile_lessonRecordId_fkey" FOREIGN KEY ("lessonRecordId") REFERENCES "LessonRecord"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EvidenceFile" ADD CONSTRAINT "EvidenceFile_paperId_fkey" FOREIGN KEY ("paperId") REFERENCES "Paper"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EvidenceFile" ADD CONSTRAINT "EvidenceFile_programmeId_fkey" FOREIGN KEY ("programmeId") REFERENCES "Programme"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EvidenceFile" ADD CONSTRAINT "EvidenceFile_programmeRecordId_fkey" FOREIGN KEY ("programmeRecordId") REFERENCES "ProgrammeRecord"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EvidenceFile" ADD CONSTRAINT "EvidenceFile_mentorSessionId_fkey" FOREIGN KEY ("mentorSessionId") REFERENCES "MentorSession"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EvidenceFile" ADD CONSTRAINT "EvidenceFile_annualPlanId_fkey" FOREIGN KEY ("annualPlanId") REFERENCES "AnnualPlan"("id") ON DELETE SET NULL ON UPDATE CASCADE;
