/*
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
package example;

import com.example.job.qapi.JobInfo;
import com.example.job.qapi.JobStatus;
import com.example.job.qapi.JobType;
import java.util.List;

/** Uses the types generated from job.json. */
public final class JobReport {

    private JobReport() {}

    /** The ids of the jobs that are running. */
    public static List<String> running(List<JobInfo> jobs) {
        return jobs.stream().filter(j -> j.status() == JobStatus.RUNNING).map(JobInfo::id).toList();
    }

    /** Whether a job is a backup job. */
    public static boolean isBackup(JobInfo job) {
        return job.type() == JobType.BACKUP;
    }
}
