-- CreateEnum
CREATE TYPE "ChecklistResult" AS ENUM ('MEETS', 'PARTLY', 'FAILS', 'NOT_APPLICABLE');

-- CreateEnum
CREATE TYPE "InspectionGrade" AS ENUM ('EXCELLENT', 'GOOD', 'PASS', 'FAIL');

-- CreateEnum
CREATE TYPE "InspectionStatus" AS ENUM ('DRAFT', 'RECORDED');

-- CreateEnum
CREATE TYPE "RectificationStatus" AS ENUM ('OPEN', 'ANSWERED', 'RETURNED', 'CLOSED');

-- CreateEnum
CREATE TYPE "SpotCheckVerdict" AS ENUM ('VERIFIED', 'QUESTIONED');

-- CreateEnum
CREATE TYPE "PeriodKind" AS ENUM ('SEMESTER', 'ACADEMIC_YEAR');

-- CreateEnum
CREATE TYPE "BulletinStatus" AS ENUM ('DRAFT', 'PUBLISHED');

-- CreateEnum
CREATE TYPE "LateCorrectionStatus" AS ENUM ('PENDING', 'APPROVED', 'REJECTED');

-- CreateEnum
CREATE TYPE "NotificationChannel" AS ENUM ('IN_APP', 'EMAIL', 'WEBHOOK');

-- AlterTable
ALTER TABLE "Activity" ADD COLUMN     "lateCorrection" "LateCorrectionStatus",
ADD COLUMN     "lateReviewedAt" TIMESTAMPTZ(3),
ADD COLUMN     "lateReviewedById" TEXT;

-- AlterTable
ALTER TABLE "CitySetting" ADD COLUMN     "captureDateToleranceDays" INTEGER NOT NULL DEFAULT 7,
ADD COLUMN     "closingGraceDays" INTEGER NOT NULL DEFAULT 14,
ADD COLUMN     "lateEntryDays" INTEGER NOT NULL DEFAULT 30,
ADD COLUMN     "mandatoryNotificationKinds" TEXT[] DEFAULT ARRAY[]::TEXT[];

-- AlterTable
ALTER TABLE "EvidenceFile" ADD COLUMN     "capturedAt" TIMESTAMPTZ(3),
ADD COLUMN     "inspectionItemId" TEXT,
ADD COLUMN     "phash" TEXT,
ADD COLUMN     "rectificationId" TEXT;

-- AlterTable
ALTER TABLE "Region" ADD COLUMN     "webhookUrl" TEXT;

-- CreateTable
CREATE TABLE "ChecklistTemplateItem" (
    "id" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "titleEn" TEXT NOT NULL DEFAULT '',
    "countsForA1" BOOLEAN NOT NULL DEFAULT false,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "ChecklistTemplateItem_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Inspection" (
    "id" TEXT NOT NULL,
    "pairingId" TEXT,
    "kindergartenId" TEXT,
    "officeCountyId" TEXT,
    "inspectedOn" DATE NOT NULL,
    "announced" BOOLEAN NOT NULL DEFAULT false,
    "inspectors" TEXT NOT NULL DEFAULT '',
    "status" "InspectionStatus" NOT NULL DEFAULT 'DRAFT',
    "grade" "InspectionGrade",
    "summary" TEXT NOT NULL DEFAULT '',
    "recordedAt" TIMESTAMPTZ(3),
    "createdById" TEXT NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Inspection_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "InspectionItem" (
    "id" TEXT NOT NULL,
    "inspectionId" TEXT NOT NULL,
    "templateItemId" TEXT,
    "position" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "titleEn" TEXT NOT NULL DEFAULT '',
    "countsForA1" BOOLEAN NOT NULL DEFAULT false,
    "result" "ChecklistResult",
    "note" TEXT NOT NULL DEFAULT '',

    CONSTRAINT "InspectionItem_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Rectification" (
    "id" TEXT NOT NULL,
    "kindergartenId" TEXT NOT NULL,
    "pairingId" TEXT,
    "inspectionItemId" TEXT,
    "spotCheckItemId" TEXT,
    "officeCountyId" TEXT,
    "requirement" TEXT NOT NULL,
    "deadline" DATE NOT NULL,
    "status" "RectificationStatus" NOT NULL DEFAULT 'OPEN',
    "closedAt" TIMESTAMPTZ(3),
    "createdById" TEXT NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Rectification_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RectificationAnswer" (
    "id" TEXT NOT NULL,
    "rectificationId" TEXT NOT NULL,
    "number" INTEGER NOT NULL,
    "measures" TEXT NOT NULL,
    "answeredAt" TIMESTAMPTZ(3) NOT NULL,
    "answeredById" TEXT NOT NULL,
    "accepted" BOOLEAN,
    "reviewComment" TEXT NOT NULL DEFAULT '',
    "reviewedAt" TIMESTAMPTZ(3),
    "reviewedById" TEXT,

    CONSTRAINT "RectificationAnswer_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SpotCheck" (
    "id" TEXT NOT NULL,
    "countyId" TEXT,
    "periodFrom" DATE NOT NULL,
    "periodTo" DATE NOT NULL,
    "sampleSize" INTEGER NOT NULL,
    "seed" TEXT NOT NULL,
    "method" JSONB NOT NULL,
    "createdById" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SpotCheck_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SpotCheckItem" (
    "id" TEXT NOT NULL,
    "spotCheckId" TEXT NOT NULL,
    "activityId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "signalsAtDraw" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "verdict" "SpotCheckVerdict",
    "note" TEXT NOT NULL DEFAULT '',
    "checkedAt" TIMESTAMPTZ(3),
    "checkedById" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "SpotCheckItem_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ClosedPeriod" (
    "id" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "kind" "PeriodKind" NOT NULL,
    "academicYear" INTEGER NOT NULL,
    "term" "Term",
    "startsOn" DATE NOT NULL,
    "endsOn" DATE NOT NULL,
    "closedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "closedById" TEXT NOT NULL,

    CONSTRAINT "ClosedPeriod_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "FrozenResult" (
    "closedPeriodId" TEXT NOT NULL,
    "pairingId" TEXT NOT NULL,
    "test" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "value" DECIMAL(12,3),
    "detail" JSONB NOT NULL,
    "counted" JSONB NOT NULL,

    CONSTRAINT "FrozenResult_pkey" PRIMARY KEY ("closedPeriodId","pairingId","test")
);

-- CreateTable
CREATE TABLE "Bulletin" (
    "id" TEXT NOT NULL,
    "closedPeriodId" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "body" TEXT NOT NULL DEFAULT '',
    "status" "BulletinStatus" NOT NULL DEFAULT 'DRAFT',
    "content" JSONB,
    "publishedAt" TIMESTAMPTZ(3),
    "createdById" TEXT NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Bulletin_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Notification" (
    "id" TEXT NOT NULL,
    "recipientId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "body" TEXT NOT NULL DEFAULT '',
    "href" TEXT NOT NULL,
    "entityType" TEXT,
    "entityId" TEXT,
    "readAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Notification_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "NotificationPreference" (
    "userId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "channel" "NotificationChannel" NOT NULL,
    "enabled" BOOLEAN NOT NULL,

    CONSTRAINT "NotificationPreference_pkey" PRIMARY KEY ("userId","kind","channel")
);

-- CreateTable
CREATE TABLE "ReminderOccasion" (
    "key" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ReminderOccasion_pkey" PRIMARY KEY ("key")
);

-- CreateTable
CREATE TABLE "OutboundMessage" (
    "id" TEXT NOT NULL,
    "channel" "NotificationChannel" NOT NULL,
    "recipient" TEXT NOT NULL,
    "subject" TEXT NOT NULL DEFAULT '',
    "payload" JSONB NOT NULL,
    "sentAt" TIMESTAMPTZ(3),
    "error" TEXT,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "OutboundMessage_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "IdempotencyKey" (
    "key" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "entityType" TEXT NOT NULL,
    "entityId" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "IdempotencyKey_pkey" PRIMARY KEY ("key")
);

-- CreateIndex
CREATE INDEX "ChecklistTemplateItem_active_position_idx" ON "ChecklistTemplateItem"("active", "position");

-- CreateIndex
CREATE INDEX "Inspection_pairingId_status_inspectedOn_idx" ON "Inspection"("pairingId", "status", "inspectedOn");

-- CreateIndex
CREATE INDEX "Inspection_kindergartenId_status_inspectedOn_idx" ON "Inspection"("kindergartenId", "status", "inspectedOn");

-- CreateIndex
CREATE INDEX "Inspection_inspectedOn_idx" ON "Inspection"("inspectedOn");

-- CreateIndex
CREATE UNIQUE INDEX "InspectionItem_inspectionId_position_key" ON "InspectionItem"("inspectionId", "position");

-- CreateIndex
CREATE UNIQUE INDEX "Rectification_spotCheckItemId_key" ON "Rectification"("spotCheckItemId");

-- CreateIndex
CREATE INDEX "Rectification_kindergartenId_status_deadline_idx" ON "Rectification"("kindergartenId", "status", "deadline");

-- CreateIndex
CREATE INDEX "Rectification_pairingId_status_idx" ON "Rectification"("pairingId", "status");

-- CreateIndex
CREATE INDEX "Rectification_status_deadline_idx" ON "Rectification"("status", "deadline");

-- CreateIndex
CREATE UNIQUE INDEX "RectificationAnswer_rectificationId_number_key" ON "RectificationAnswer"("rectificationId", "number");

-- CreateIndex
CREATE INDEX "SpotCheck_countyId_createdAt_idx" ON "SpotCheck"("countyId", "createdAt");

-- CreateIndex
CREATE INDEX "SpotCheckItem_activityId_idx" ON "SpotCheckItem"("activityId");

-- CreateIndex
CREATE UNIQUE INDEX "SpotCheckItem_spotCheckId_activityId_key" ON "SpotCheckItem"("spotCheckId", "activityId");

-- CreateIndex
CREATE UNIQUE INDEX "SpotCheckItem_spotCheckId_position_key" ON "SpotCheckItem"("spotCheckId", "position");

-- CreateIndex
CREATE UNIQUE INDEX "ClosedPeriod_key_key" ON "ClosedPeriod"("key");

-- CreateIndex
CREATE INDEX "ClosedPeriod_startsOn_endsOn_idx" ON "ClosedPeriod"("startsOn", "endsOn");

-- CreateIndex
CREATE INDEX "FrozenResult_pairingId_idx" ON "FrozenResult"("pairingId");

-- CreateIndex
CREATE INDEX "Bulletin_status_publishedAt_idx" ON "Bulletin"("status", "publishedAt");

-- CreateIndex
CREATE INDEX "Notification_recipientId_readAt_createdAt_idx" ON "Notification"("recipientId", "readAt", "createdAt");

-- CreateIndex
CREATE INDEX "Notification_recipientId_createdAt_idx" ON "Notification"("recipientId", "createdAt");

-- CreateIndex
CREATE INDEX "OutboundMessage_sentAt_createdAt_idx" ON "OutboundMessage"("sentAt", "createdAt");

-- CreateIndex
CREATE INDEX "IdempotencyKey_createdAt_idx" ON "IdempotencyKey"("createdAt");

-- CreateIndex
CREATE INDEX "EvidenceFile_inspectionItemId_idx" ON "EvidenceFile"("inspectionItemId");

-- CreateIndex
CREATE INDEX "EvidenceFile_rectificationId_idx" ON "EvidenceFile"("rectificationId");

-- CreateIndex
CREATE INDEX "EvidenceFile_phash_idx" ON "EvidenceFile"("phash");

-- AddForeignKey
ALTER TABLE "Activity" ADD CONSTRAINT "Activity_lateReviewedById_fkey" FOREIGN KEY ("lateReviewedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EvidenceFile" ADD CONSTRAINT "EvidenceFile_inspectionItemId_fkey" FOREIGN KEY ("inspectionItemId") REFERENCES "InspectionItem"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EvidenceFile" ADD CONSTRAINT "EvidenceFile_rectificationId_fkey" FOREIGN KEY ("rectificationId") REFERENCES "Rectification"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Inspection" ADD CONSTRAINT "Inspection_pairingId_fkey" FOREIGN KEY ("pairingId") REFERENCES "Pairing"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Inspection" ADD CONSTRAINT "Inspection_kindergartenId_fkey" FOREIGN KEY ("kindergartenId") REFERENCES "Kindergarten"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Inspection" ADD CONSTRAINT "Inspection_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "InspectionItem" ADD CONSTRAINT "InspectionItem_inspectionId_fkey" FOREIGN KEY ("inspectionId") REFERENCES "Inspection"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Rectification" ADD CONSTRAINT "Rectification_kindergartenId_fkey" FOREIGN KEY ("kindergartenId") REFERENCES "Kindergarten"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Rectification" ADD CONSTRAINT "Rectification_pairingId_fkey" FOREIGN KEY ("pairingId") REFERENCES "Pairing"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Rectification" ADD CONSTRAINT "Rectification_inspectionItemId_fkey" FOREIGN KEY ("inspectionItemId") REFERENCES "InspectionItem"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Rectification" ADD CONSTRAINT "Rectification_spotCheckItemId_fkey" FOREIGN KEY ("spotCheckItemId") REFERENCES "SpotCheckItem"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Rectification" ADD CONSTRAINT "Rectification_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RectificationAnswer" ADD CONSTRAINT "RectificationAnswer_rectificationId_fkey" FOREIGN KEY ("rectificationId") REFERENCES "Rectification"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RectificationAnswer" ADD CONSTRAINT "RectificationAnswer_answeredById_fkey" FOREIGN KEY ("answeredById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RectificationAnswer" ADD CONSTRAINT "RectificationAnswer_reviewedById_fkey" FOREIGN KEY ("reviewedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SpotCheck" ADD CONSTRAINT "SpotCheck_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SpotCheckItem" ADD CONSTRAINT "SpotCheckItem_spotCheckId_fkey" FOREIGN KEY ("spotCheckId") REFERENCES "SpotCheck"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SpotCheckItem" ADD CONSTRAINT "SpotCheckItem_activityId_fkey" FOREIGN KEY ("activityId") REFERENCES "Activity"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SpotCheckItem" ADD CONSTRAINT "SpotCheckItem_checkedById_fkey" FOREIGN KEY ("checkedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ClosedPeriod" ADD CONSTRAINT "ClosedPeriod_closedById_fkey" FOREIGN KEY ("closedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FrozenResult" ADD CONSTRAINT "FrozenResult_closedPeriodId_fkey" FOREIGN KEY ("closedPeriodId") REFERENCES "ClosedPeriod"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FrozenResult" ADD CONSTRAINT "FrozenResult_pairingId_fkey" FOREIGN KEY ("pairingId") REFERENCES "Pairing"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Bulletin" ADD CONSTRAINT "Bulletin_closedPeriodId_fkey" FOREIGN KEY ("closedPeriodId") REFERENCES "ClosedPeriod"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Bulletin" ADD CONSTRAINT "Bulletin_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Notification" ADD CONSTRAINT "Notification_recipientId_fkey" FOREIGN KEY ("recipientId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "NotificationPreference" ADD CONSTRAINT "NotificationPreference_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;
