/*
 * cvode_stiff.c: SUNDIALS CVODE (BDF, Newton, dense direct linear solver) on the IVP Test Set
 * problems ROBER, HIRES, VDPOL and POLLU, printing the ReceptorSim benchmark CSV.
 *
 * Problems, end times and reference solutions are those of the IVP Test Set (Mazzia &
 * Magherini, release 2.4), as quoted in shared/reference/solvers.md; the Swift benchmark
 * (receptor-bench stiff) uses the same definitions, tolerances and error measure.
 *
 * Usage: cvode_stiff [--problem NAME] [--rtol X] [--method cvode|cvode-dq]
 *                    [--min-seconds S] [--no-header] [--verbose]
 *   cvode     analytic Jacobian (the main comparison row)
 *   cvode-dq  CVODE's internal difference-quotient Jacobian
 * Columns: problem,method,rtol,atol,median_seconds,steps,rejected,rhs_evals,jac_evals,max_rel_error
 *   median_seconds  median wall time of complete solves (context, vectors, solver creation,
 *                   integration to tend with CVodeSetStopTime, teardown), repeated in-process
 *                   until min-seconds (default 0.3 s) are spent and at least 5 repeats.
 *   steps           accepted steps (CVodeGetNumSteps)
 *   rejected        error-test failures + nonlinear convergence failures
 *   rhs_evals       f evaluations, including those of the DQ Jacobian
 *   jac_evals       Jacobian evaluations (analytic or DQ)
 *   max_rel_error   max_i |y_i - ref_i| / |ref_i| at tend over components with |ref_i| > atol
 * --verbose adds one line per row on stderr with the LU factorisation count (linear solver setups).
 */
#define _POSIX_C_SOURCE 199309L
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <cvode/cvode.h>
#include <nvector/nvector_serial.h>
#include <sundials/sundials_context.h>
#include <sunlinsol/sunlinsol_dense.h>
#include <sunmatrix/sunmatrix_dense.h>

#define MAXN 20

/* ---------------------------------------------------------------- ROBER */
static int rober_f(sunrealtype t, N_Vector yv, N_Vector ydot, void *ud) {
    (void)t; (void)ud;
    const sunrealtype *y = N_VGetArrayPointer(yv);
    sunrealtype *f = N_VGetArrayPointer(ydot);
    /* Term order as written in solvers.md and in StiffTestProblems/Robertson.swift: at rtol 1e-4
     * CVODE's path depends on rounding here (rober.f's order, -3e7 y2^2 before -1e4 y2 y3, gives
     * a different step sequence). */
    f[0] = -0.04 * y[0] + 1e4 * y[1] * y[2];
    f[1] = 0.04 * y[0] - 1e4 * y[1] * y[2] - 3e7 * y[1] * y[1];
    f[2] = 3e7 * y[1] * y[1];
    return 0;
}
static int rober_j(sunrealtype t, N_Vector yv, N_Vector fy, SUNMatrix Jm, void *ud,
                   N_Vector t1, N_Vector t2, N_Vector t3) {
    (void)t; (void)fy; (void)ud; (void)t1; (void)t2; (void)t3;
    const sunrealtype *y = N_VGetArrayPointer(yv);
#define J(i, j) SM_ELEMENT_D(Jm, (i) - 1, (j) - 1)
    J(1, 1) = -0.04;  J(1, 2) = 1e4 * y[2];               J(1, 3) = 1e4 * y[1];
    J(2, 1) = 0.04;   J(2, 2) = -1e4 * y[2] - 6e7 * y[1]; J(2, 3) = -1e4 * y[1];
    J(3, 2) = 6e7 * y[1];
    return 0;
}
static const double rober_y0[] = {1.0, 0.0, 0.0};
static const double rober_ref[] = {0.2083340149701255e-07, 0.8333360770334713e-13,
                                   0.9999999791665050e+00};

/* ---------------------------------------------------------------- HIRES */
static int hires_f(sunrealtype t, N_Vector yv, N_Vector ydot, void *ud) {
    (void)t; (void)ud;
    const sunrealtype *y = N_VGetArrayPointer(yv);
    sunrealtype *f = N_VGetArrayPointer(ydot);
    f[0] = -1.71 * y[0] + 0.43 * y[1] + 8.32 * y[2] + 0.0007;
    f[1] = 1.71 * y[0] - 8.75 * y[1];
    f[2] = -10.03 * y[2] + 0.43 * y[3] + 0.035 * y[4];
    f[3] = 8.32 * y[1] + 1.71 * y[2] - 1.12 * y[3];
    f[4] = -1.745 * y[4] + 0.43 * y[5] + 0.43 * y[6];
    f[5] = -280.0 * y[5] * y[7] + 0.69 * y[3] + 1.71 * y[4] - 0.43 * y[5] + 0.69 * y[6];
    f[6] = 280.0 * y[5] * y[7] - 1.81 * y[6];
    f[7] = -f[6];
    return 0;
}
static int hires_j(sunrealtype t, N_Vector yv, N_Vector fy, SUNMatrix Jm, void *ud,
                   N_Vector t1, N_Vector t2, N_Vector t3) {
    (void)t; (void)fy; (void)ud; (void)t1; (void)t2; (void)t3;
    const sunrealtype *y = N_VGetArrayPointer(yv);
    J(1, 1) = -1.71; J(1, 2) = 0.43; J(1, 3) = 8.32;
    J(2, 1) = 1.71;  J(2, 2) = -8.75;
    J(3, 3) = -10.03; J(3, 4) = 0.43; J(3, 5) = 0.035;
    J(4, 2) = 8.32;  J(4, 3) = 1.71; J(4, 4) = -1.12;
    J(5, 5) = -1.745; J(5, 6) = 0.43; J(5, 7) = 0.43;
    J(6, 4) = 0.69;  J(6, 5) = 1.71; J(6, 6) = -0.43 - 280.0 * y[7]; J(6, 7) = 0.69;
    J(6, 8) = -280.0 * y[5];
    J(7, 6) = 280.0 * y[7];  J(7, 7) = -1.81; J(7, 8) = 280.0 * y[5];
    J(8, 6) = -280.0 * y[7]; J(8, 7) = 1.81;  J(8, 8) = -280.0 * y[5];
    return 0;
}
static const double hires_y0[] = {1.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0057};
static const double hires_ref[] = {
    0.7371312573325668e-3, 0.1442485726316185e-3, 0.5888729740967575e-4, 0.1175651343283149e-2,
    0.2386356198831331e-2, 0.6238968252742796e-2, 0.2849998395185769e-2, 0.2850001604814231e-2};

/* ---------------------------------------------------------------- VDPOL (eps = 1e-6) */
#define VDPOL_EPS 1e-6
static int vdpol_f(sunrealtype t, N_Vector yv, N_Vector ydot, void *ud) {
    (void)t; (void)ud;
    const sunrealtype *y = N_VGetArrayPointer(yv);
    sunrealtype *f = N_VGetArrayPointer(ydot);
    f[0] = y[1];
    f[1] = ((1.0 - y[0] * y[0]) * y[1] - y[0]) / VDPOL_EPS;
    return 0;
}
static int vdpol_j(sunrealtype t, N_Vector yv, N_Vector fy, SUNMatrix Jm, void *ud,
                   N_Vector t1, N_Vector t2, N_Vector t3) {
    (void)t; (void)fy; (void)ud; (void)t1; (void)t2; (void)t3;
    const sunrealtype *y = N_VGetArrayPointer(yv);
    J(1, 2) = 1.0;
    J(2, 1) = (-2.0 * y[0] * y[1] - 1.0) / VDPOL_EPS;
    J(2, 2) = (1.0 - y[0] * y[0]) / VDPOL_EPS;
    return 0;
}
static const double vdpol_y0[] = {2.0, 0.0};
static const double vdpol_ref[] = {0.1706167732170483e+01, -0.8928097010247975e+00};

/* ---------------------------------------------------------------- POLLU */
static const double k1 = .35, k2 = .266e2, k3 = .123e5, k4 = .86e-3, k5 = .82e-3, k6 = .15e5,
                    k7 = .13e-3, k8 = .24e5, k9 = .165e5, k10 = .9e4, k11 = .22e-1, k12 = .12e5,
                    k13 = .188e1, k14 = .163e5, k15 = .48e7, k16 = .35e-3, k17 = .175e-1,
                    k18 = .1e9, k19 = .444e12, k20 = .124e4, k21 = .21e1, k22 = .578e1,
                    k23 = .474e-1, k24 = .178e4, k25 = .312e1;
#define POLLU_UNPACK                                                                          \
    const double y1 = y[0], y2 = y[1], y3 = y[2], y4 = y[3], y5 = y[4], y6 = y[5], y7 = y[6], \
                 y9 = y[8], y10 = y[9], y11 = y[10], y13 = y[12], y14 = y[13], y16 = y[15],   \
                 y17 = y[16], y19 = y[18], y20 = y[19];
static int pollu_f(sunrealtype t, N_Vector yv, N_Vector ydot, void *ud) {
    (void)t; (void)ud;
    const sunrealtype *y = N_VGetArrayPointer(yv);
    sunrealtype *f = N_VGetArrayPointer(ydot);
    POLLU_UNPACK
    const double r1 = k1 * y1, r2 = k2 * y2 * y4, r3 = k3 * y5 * y2, r4 = k4 * y7, r5 = k5 * y7,
                 r6 = k6 * y7 * y6, r7 = k7 * y9, r8 = k8 * y9 * y6, r9 = k9 * y11 * y2,
                 r10 = k10 * y11 * y1, r11 = k11 * y13, r12 = k12 * y10 * y2, r13 = k13 * y14,
                 r14 = k14 * y1 * y6, r15 = k15 * y3, r16 = k16 * y4, r17 = k17 * y4,
                 r18 = k18 * y16, r19 = k19 * y16, r20 = k20 * y17 * y6, r21 = k21 * y19,
                 r22 = k22 * y19, r23 = k23 * y1 * y4, r24 = k24 * y19 * y1, r25 = k25 * y20;
    f[0] = -r1 - r10 - r14 - r23 - r24 + r2 + r3 + r9 + r11 + r12 + r22 + r25;
    f[1] = -r2 - r3 - r9 - r12 + r1 + r21;
    f[2] = -r15 + r1 + r17 + r19 + r22;
    f[3] = -r2 - r16 - r17 - r23 + r15;
    f[4] = -r3 + 2.0 * r4 + r6 + r7 + r13 + r20;
    f[5] = -r6 - r8 - r14 - r20 + r3 + 2.0 * r18;
    f[6] = -r4 - r5 - r6 + r13;
    f[7] = r4 + r5 + r6 + r7;
    f[8] = -r7 - r8;
    f[9] = -r12 + r7 + r9;
    f[10] = -r9 - r10 + r8 + r11;
    f[11] = r9;
    f[12] = -r11 + r10;
    f[13] = -r13 + r12;
    f[14] = r14;
    f[15] = -r18 - r19 + r16;
    f[16] = -r20;
    f[17] = r20;
    f[18] = -r21 - r22 - r24 + r23 + r25;
    f[19] = -r25 + r24;
    return 0;
}
/* Jacobian: d f_i / d y_j summed over the 25 reactions (exact; 82 structural nonzeros). */
static int pollu_j(sunrealtype t, N_Vector yv, N_Vector fy, SUNMatrix Jm, void *ud,
                   N_Vector t1, N_Vector t2, N_Vector t3) {
    (void)t; (void)fy; (void)ud; (void)t1; (void)t2; (void)t3;
    const sunrealtype *y = N_VGetArrayPointer(yv);
    POLLU_UNPACK
    (void)y1; (void)y2; (void)y3; (void)y4; (void)y5; (void)y6; (void)y7; (void)y9; (void)y10;
    (void)y11; (void)y13; (void)y14; (void)y16; (void)y17; (void)y19; (void)y20;
    J(1,1) = -k1 - k10*y11 - k14*y6 - k23*y4 - k24*y19;
    J(1,2) = k2*y4 + k3*y5 + k9*y11 + k12*y10;
    J(1,4) = k2*y2 - k23*y1;
    J(1,5) = k3*y2;
    J(1,6) = -k14*y1;
    J(1,10) = k12*y2;
    J(1,11) = k9*y2 - k10*y1;
    J(1,13) = k11;
    J(1,19) = k22 - k24*y1;
    J(1,20) = k25;
    J(2,1) = k1;
    J(2,2) = -k2*y4 - k3*y5 - k9*y11 - k12*y10;
    J(2,4) = -k2*y2;
    J(2,5) = -k3*y2;
    J(2,10) = -k12*y2;
    J(2,11) = -k9*y2;
    J(2,19) = k21;
    J(3,1) = k1;
    J(3,3) = -k15;
    J(3,4) = k17;
    J(3,16) = k19;
    J(3,19) = k22;
    J(4,1) = -k23*y4;
    J(4,2) = -k2*y4;
    J(4,3) = k15;
    J(4,4) = -k2*y2 - k16 - k17 - k23*y1;
    J(5,2) = -k3*y5;
    J(5,5) = -k3*y2;
    J(5,6) = k6*y7 + k20*y17;
    J(5,7) = 2.0*k4 + k6*y6;
    J(5,9) = k7;
    J(5,14) = k13;
    J(5,17) = k20*y6;
    J(6,1) = -k14*y6;
    J(6,2) = k3*y5;
    J(6,5) = k3*y2;
    J(6,6) = -k6*y7 - k8*y9 - k14*y1 - k20*y17;
    J(6,7) = -k6*y6;
    J(6,9) = -k8*y6;
    J(6,16) = 2.0*k18;
    J(6,17) = -k20*y6;
    J(7,6) = -k6*y7;
    J(7,7) = -k4 - k5 - k6*y6;
    J(7,14) = k13;
    J(8,6) = k6*y7;
    J(8,7) = k4 + k5 + k6*y6;
    J(8,9) = k7;
    J(9,6) = -k8*y9;
    J(9,9) = -k7 - k8*y6;
    J(10,2) = k9*y11 - k12*y10;
    J(10,9) = k7;
    J(10,10) = -k12*y2;
    J(10,11) = k9*y2;
    J(11,1) = -k10*y11;
    J(11,2) = -k9*y11;
    J(11,6) = k8*y9;
    J(11,9) = k8*y6;
    J(11,11) = -k9*y2 - k10*y1;
    J(11,13) = k11;
    J(12,2) = k9*y11;
    J(12,11) = k9*y2;
    J(13,1) = k10*y11;
    J(13,11) = k10*y1;
    J(13,13) = -k11;
    J(14,2) = k12*y10;
    J(14,10) = k12*y2;
    J(14,14) = -k13;
    J(15,1) = k14*y6;
    J(15,6) = k14*y1;
    J(16,4) = k16;
    J(16,16) = -k18 - k19;
    J(17,6) = -k20*y17;
    J(17,17) = -k20*y6;
    J(18,6) = k20*y17;
    J(18,17) = k20*y6;
    J(19,1) = k23*y4 - k24*y19;
    J(19,4) = k23*y1;
    J(19,19) = -k21 - k22 - k24*y1;
    J(19,20) = k25;
    J(20,1) = k24*y19;
    J(20,19) = k24*y1;
    J(20,20) = -k25;
    return 0;
}
#undef J
static const double pollu_y0[] = {0, 0.2, 0, 0.04, 0, 0, 0.1, 0.3, 0.01, 0,
                                  0, 0,   0, 0,    0, 0, 0.007, 0, 0, 0};
static const double pollu_ref[] = {
    0.5646255480022769e-01, 0.1342484130422339e+00, 0.4139734331099427e-08,
    0.5523140207484359e-02, 0.2018977262302196e-06, 0.1464541863493966e-06,
    0.7784249118997964e-01, 0.3245075353396018e+00, 0.7494013383880406e-02,
    0.1622293157301561e-07, 0.1135863833257075e-07, 0.2230505975721359e-02,
    0.2087162882798630e-03, 0.1396921016840158e-04, 0.8964884856898295e-02,
    0.4352846369330103e-17, 0.6899219696263405e-02, 0.1007803037365946e-03,
    0.1772146513969984e-05, 0.5682943292316392e-04};

/* ---------------------------------------------------------------- problem table */
typedef struct {
    const char *name;
    int n;
    double tend;
    CVRhsFn f;
    CVLsJacFn jac;
    const double *y0, *ref;
} Problem;

static const Problem problems[] = {
    {"rober", 3, 1e11, rober_f, rober_j, rober_y0, rober_ref},
    {"hires", 8, 321.8122, hires_f, hires_j, hires_y0, hires_ref},
    {"vdpol", 2, 2.0, vdpol_f, vdpol_j, vdpol_y0, vdpol_ref},
    {"pollu", 20, 60.0, pollu_f, pollu_j, pollu_y0, pollu_ref},
};
static const int nproblems = (int)(sizeof problems / sizeof problems[0]);
static const double default_rtols[] = {1e-4, 1e-6, 1e-8, 1e-10};

typedef struct {
    int ok;
    long steps, rejected, rhs, jac, lu;
    double yend[MAXN];
} Result;

static double now_seconds(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + 1e-9 * (double)ts.tv_nsec;
}

/* One complete solve: context, vectors, solver, integration to tend, counters, teardown. */
static Result solve(const Problem *p, double rtol, double atol, int analytic) {
    Result r;
    memset(&r, 0, sizeof r);
    SUNContext ctx;
    if (SUNContext_Create(NULL, &ctx) != 0) return r;
    N_Vector y = N_VNew_Serial(p->n, ctx);
    double *yd = N_VGetArrayPointer(y);
    for (int i = 0; i < p->n; i++) yd[i] = p->y0[i];
    void *mem = CVodeCreate(CV_BDF, ctx);
    SUNMatrix A = SUNDenseMatrix(p->n, p->n, ctx);
    SUNLinearSolver LS = SUNLinSol_Dense(y, A, ctx);
    int flag = CVodeInit(mem, p->f, 0.0, y);
    flag |= CVodeSStolerances(mem, rtol, atol);
    flag |= CVodeSetLinearSolver(mem, LS, A);
    if (analytic) flag |= CVodeSetJacFn(mem, p->jac);
    flag |= CVodeSetMaxNumSteps(mem, 10000000);
    flag |= CVodeSetStopTime(mem, p->tend);
    if (flag == 0) {
        double t = 0.0;
        flag = CVode(mem, p->tend, y, &t, CV_NORMAL);
        r.ok = flag >= 0 && t == p->tend;
    }
    long nst = 0, netf = 0, ncfn = 0, nfe = 0, nfeLS = 0, nje = 0, nsetups = 0;
    CVodeGetNumSteps(mem, &nst);
    CVodeGetNumErrTestFails(mem, &netf);
    CVodeGetNumNonlinSolvConvFails(mem, &ncfn);
    CVodeGetNumRhsEvals(mem, &nfe);
    CVodeGetNumLinRhsEvals(mem, &nfeLS);
    CVodeGetNumJacEvals(mem, &nje);
    CVodeGetNumLinSolvSetups(mem, &nsetups);
    r.steps = nst; r.rejected = netf + ncfn; r.rhs = nfe + nfeLS; r.jac = nje; r.lu = nsetups;
    for (int i = 0; i < p->n; i++) r.yend[i] = yd[i];
    CVodeFree(&mem);
    SUNLinSolFree(LS);
    SUNMatDestroy(A);
    N_VDestroy(y);
    SUNContext_Free(&ctx);
    return r;
}

static int cmp_double(const void *a, const void *b) {
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

static double max_rel_error(const Problem *p, const double *y, double atol) {
    double e = 0.0;
    for (int i = 0; i < p->n; i++) {
        if (fabs(p->ref[i]) <= atol) continue;
        double d = fabs(y[i] - p->ref[i]) / fabs(p->ref[i]);
        if (!(d <= e)) e = d; /* propagates NaN */
    }
    return e;
}

static void run(const Problem *p, double rtol, int analytic, double min_seconds, int verbose) {
    const double atol = 1e-3 * rtol;
    enum { MAX_REPS = 100000 };
    static double times[MAX_REPS];
    int reps = 0;
    double spent = 0.0;
    Result r;
    do {
        double t0 = now_seconds();
        r = solve(p, rtol, atol, analytic);
        double dt = now_seconds() - t0;
        times[reps++] = dt;
        spent += dt;
        if (!r.ok) break;
    } while ((spent < min_seconds || reps < 5) && reps < MAX_REPS);
    qsort(times, (size_t)reps, sizeof(double), cmp_double);
    double median = reps % 2 ? times[reps / 2] : 0.5 * (times[reps / 2 - 1] + times[reps / 2]);
    const char *method = analytic ? "cvode" : "cvode-dq";
    if (!r.ok) {
        fprintf(stderr, "cvode_stiff: %s %s rtol %g: CVODE failed before tend\n", p->name, method,
                rtol);
        printf("%s,%s,%.0e,%.0e,nan,%ld,%ld,%ld,%ld,nan\n", p->name, method, rtol, atol, r.steps,
               r.rejected, r.rhs, r.jac);
    } else {
        printf("%s,%s,%.0e,%.0e,%.6e,%ld,%ld,%ld,%ld,%.3e\n", p->name, method, rtol, atol, median,
               r.steps, r.rejected, r.rhs, r.jac, max_rel_error(p, r.yend, atol));
    }
    if (verbose)
        fprintf(stderr, "cvode_stiff: %s %s rtol %.0e: %d repeats, %ld LU factorisations\n",
                p->name, method, rtol, reps, r.lu);
    fflush(stdout);
}

static void usage(FILE *out) {
    fprintf(out,
            "usage: cvode_stiff [--problem rober|hires|vdpol|pollu] [--rtol X]\n"
            "                   [--method cvode|cvode-dq] [--min-seconds S] [--no-header]"
            " [--verbose]\n");
}

int main(int argc, char **argv) {
    const char *problem = NULL, *method = NULL;
    double rtol = 0.0, min_seconds = 0.3;
    int header = 1, verbose = 0;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        int has_value = i + 1 < argc;
        if (!strcmp(a, "--problem") && has_value) problem = argv[++i];
        else if (!strcmp(a, "--method") && has_value) method = argv[++i];
        else if (!strcmp(a, "--rtol") && has_value) {
            char *end;
            rtol = strtod(argv[++i], &end);
            if (*end || !(rtol > 0)) { fprintf(stderr, "cvode_stiff: bad --rtol\n"); return 2; }
        } else if (!strcmp(a, "--min-seconds") && has_value) min_seconds = atof(argv[++i]);
        else if (!strcmp(a, "--no-header")) header = 0;
        else if (!strcmp(a, "--verbose")) verbose = 1;
        else if (!strcmp(a, "--help") || !strcmp(a, "-h")) { usage(stdout); return 0; }
        else { usage(stderr); return 2; }
    }
    int found = problem == NULL;
    for (int k = 0; k < nproblems; k++) found |= problem && !strcmp(problem, problems[k].name);
    if (!found) { fprintf(stderr, "cvode_stiff: unknown problem '%s'\n", problem); return 2; }
    if (method && strcmp(method, "cvode") && strcmp(method, "cvode-dq")) {
        fprintf(stderr, "cvode_stiff: unknown method '%s'\n", method);
        return 2;
    }
    if (header)
        printf("problem,method,rtol,atol,median_seconds,steps,rejected,rhs_evals,jac_evals,"
               "max_rel_error\n");
    for (int k = 0; k < nproblems; k++) {
        const Problem *p = &problems[k];
        if (problem && strcmp(problem, p->name)) continue;
        for (int m = 0; m < 2; m++) {
            int analytic = m == 0;
            if (method && strcmp(method, analytic ? "cvode" : "cvode-dq")) continue;
            for (int r = 0; r < 4; r++) {
                double x = rtol > 0 ? rtol : default_rtols[r];
                run(p, x, analytic, min_seconds, verbose);
                if (rtol > 0) break;
            }
        }
    }
    return 0;
}
