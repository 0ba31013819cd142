// Volumes: a data directory that is not empty (lost+found on a fresh volume), a full disk,
// failed mounts and mounts of the wrong type, stale locks left on a persistent volume.
import { pattern, type LogPattern } from './pattern';

/** Patterns for volume and mount problems. */
export const VOLUME_PATTERNS: LogPattern[] = [
  pattern({
    id: 'data-dir-not-empty',
    category: 'volume-mount',
    weight: 90,
    re: /directory "?([^"\s]+)"? exists but is not empty|contains a lost\+found directory|lost\+found/i,
    title: (s) => `The data directory ${s ? `${s} ` : ''}is a mount point that is not empty`,
    explanation:
      'The program initialises a fresh data directory and refuses a non-empty one. A new volume’s root holds lost+found, so mounting the volume directly at the data directory fails.',
    doNext: [
      'Point the data directory at a subdirectory of the mount (e.g. PGDATA=/var/lib/postgresql/data/pgdata), or mount with subPath.',
    ],
  }),
  pattern({
    id: 'volume-mount-failed',
    category: 'volume-mount',
    weight: 88,
    re: /MountVolume\.\w+ failed|Unable to attach or mount volumes|unmounted volumes=|Multi-Attach error|AttachVolume\.Attach failed|FailedMount|timed out waiting for the condition.*volume/i,
    title: () => 'A volume could not be mounted',
    explanation:
      'The kubelet could not attach or mount a volume of the pod, so the containers cannot start.',
    doNext: [
      'Read the FailedMount event: check the PVC is Bound, the volume is not attached to another node (RWO), and the ConfigMap/Secret exists.',
    ],
  }),
  pattern({
    id: 'mount-type-mismatch',
    category: 'volume-mount',
    weight: 84,
    re: /Are you trying to mount a directory onto a file|not a directory: unknown|mounting "[^"]+" to rootfs at "[^"]+"/i,
    title: () => 'A mount does not match the path type in the image',
    explanation:
      'A volume (often a subPath of a ConfigMap) is mounted onto a path whose type differs (file vs directory) in the image.',
    doNext: ['Check volumeMounts mountPath/subPath against the image’s file layout.'],
  }),
  pattern({
    id: 'disk-full',
    category: 'volume-mount',
    weight: 80,
    re: /no space left on device|ENOSPC|disk quota exceeded|disk full/i,
    title: () => 'No space left on the volume',
    explanation: 'The volume or the node’s disk is full, so the program cannot write and exits.',
    doNext: [
      'Check usage of the volume (df inside a debug pod) and the PVC size; expand the PVC or clean up.',
    ],
  }),
  pattern({
    id: 'stale-lock',
    category: 'volume-mount',
    weight: 62,
    re: /lock (?:DB |data )?directory[^\n]*resource temporarily unavailable|(?:lock file|lockfile|\.lock)\b[^\n]{0,60}(?:exists|held|in use|locked)|database is locked|another (?:instance|process) is (?:already )?(?:running|using)/i,
    title: () => 'The data directory is locked by another instance',
    explanation:
      'The program found a lock on its data volume: another pod still uses the volume, or a previous instance left a stale lock.',
    doNext: [
      'Make sure only one pod mounts the volume; remove the stale lock only when no other instance runs.',
    ],
  }),
];
