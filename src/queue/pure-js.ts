/**
 * BullMQ's msgpackr would load an optional native accelerator (msgpackr-extract) when one is installed;
 * the project runs pure JavaScript only (its build script is denied in package.json), so msgpackr is told
 * not to look. Imported before bullmq by every module that uses it.
 */
process.env.MSGPACKR_NATIVE_ACCELERATION_DISABLED ??= "true";
