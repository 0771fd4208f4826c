#include "cshim.h"
int srun_shim_placeholder(void) { return 0; }
