int srun_shim_placeholder(void);
